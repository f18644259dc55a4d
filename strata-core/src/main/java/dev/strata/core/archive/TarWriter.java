package dev.strata.core.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a POSIX (ustar + PAX) tar stream byte for byte under our control: layers, {@code docker cp} and
 * {@code docker export} archives. Commons Compress's writer is not used because it cannot write a binary PAX
 * value (security.capability) and fills in fields (user name, PAX header names) from the environment; a
 * layer must depend only on the tree it describes. PAX records appear only for what ustar cannot hold: long
 * or non-ASCII names and link targets, big numbers, extended attributes. Not thread-safe.
 */
public final class TarWriter {
    private static final int BLOCK = 512;
    private static final long MAX_OCTAL_7 = 07777777L;
    private static final long MAX_OCTAL_11 = 077777777777L;
    /** POSIX ustar's magic and version: "ustar", NUL, "00". */
    private static final byte[] MAGIC = {'u', 's', 't', 'a', 'r', 0, '0', '0'};

    private final OutputStream out;
    /** Gets each entry as the tar carries it; null for none. */
    private final EntryMirror mirror;
    private final byte[] block = new byte[BLOCK];
    private final byte[] buffer = new byte[1 << 16];
    private int buffered;
    private byte[] chunk; // for content read from a stream; layers write theirs from a file channel

    /** @param out receives the archive; flushed by {@link #finish()}, never closed */
    public TarWriter(OutputStream out) {
        this(out, null);
    }

    /**
     * A writer that also passes every entry it writes to {@code mirror}, as a reader of the tar will see it (times
     * in whole seconds, numbers too big for their field as ustar's zero): a layer unpacked while it is written.
     */
    public TarWriter(OutputStream out, EntryMirror mirror) {
        this.out = out;
        this.mirror = mirror;
    }

    /**
     * Writes one entry with its content: exactly {@code entry.size()} bytes of {@code content} for a regular
     * file (not closed), nothing for anything else.
     *
     * @throws IOException when writing fails, or {@code content} ends before the size the header announced
     */
    public void write(TarEntry entry, InputStream content) throws IOException {
        header(entry);
        long size = contentSize(entry);
        long remaining = size;
        if (chunk == null && size > 0) {
            chunk = new byte[1 << 16];
        }
        while (remaining > 0) {
            int n = content.read(chunk, 0, (int) Math.min(chunk.length, remaining));
            if (n < 0) {
                throw new IOException("content of " + entry.name() + " ended early");
            }
            content(chunk, 0, n);
            remaining -= n;
        }
        endEntry(size);
    }

    /** Writes the two zero blocks that end an archive and flushes; the caller's stream stays open. */
    public void finish() throws IOException {
        Arrays.fill(block, (byte) 0);
        write(block, 0, BLOCK);
        write(block, 0, BLOCK);
        flushBuffer();
        out.flush();
    }

    /** Writes an entry's header blocks; the caller then writes its content and calls {@link #endEntry}. */
    void header(TarEntry entry) throws IOException {
        String text = entry.type() == EntryType.DIRECTORY && !entry.name().endsWith("/") ? entry.name() + "/" : entry.name();
        byte[] name = text.getBytes(StandardCharsets.UTF_8);
        byte[] link = entry.linkTarget();
        long uid = Integer.toUnsignedLong(entry.uid());
        long gid = Integer.toUnsignedLong(entry.gid());
        long size = contentSize(entry);
        Map<String, byte[]> pax = new TreeMap<>();
        int split = ascii(name) ? ustarSplit(name) : -2;
        if (split == -2) {
            pax.put("path", name);
        }
        if (link.length > 100 || !ascii(link)) {
            pax.put("linkpath", link);
        }
        if (uid > MAX_OCTAL_7) {
            pax.put("uid", decimal(uid));
        }
        if (gid > MAX_OCTAL_7) {
            pax.put("gid", decimal(gid));
        }
        if (size > MAX_OCTAL_11) {
            pax.put("size", decimal(size));
        }
        if (entry.mtimeSeconds() < 0 || entry.mtimeSeconds() > MAX_OCTAL_11) {
            pax.put("mtime", decimal(entry.mtimeSeconds()));
        }
        entry.xattrs().forEach((key, value) -> pax.put("SCHILY.xattr." + key, value));
        if (!pax.isEmpty()) {
            paxHeader(text, pax);
        }
        Arrays.fill(block, (byte) 0);
        if (split >= 0) {
            System.arraycopy(name, split + 1, block, 0, name.length - split - 1);
            System.arraycopy(name, 0, block, 345, split);
        } else {
            System.arraycopy(name, 0, block, 0, Math.min(name.length, 100));
        }
        octal(entry.mode() & 07777, 100, 8);
        octal(fits(uid, MAX_OCTAL_7), 108, 8);
        octal(fits(gid, MAX_OCTAL_7), 116, 8);
        octal(fits(size, MAX_OCTAL_11), 124, 12);
        octal(entry.mtimeSeconds() < 0 ? 0 : fits(entry.mtimeSeconds(), MAX_OCTAL_11), 136, 12);
        block[156] = typeFlag(entry.type());
        System.arraycopy(link, 0, block, 157, Math.min(link.length, 100));
        magic();
        octal(fits(entry.deviceMajor(), MAX_OCTAL_7), 329, 8);
        octal(fits(entry.deviceMinor(), MAX_OCTAL_7), 337, 8);
        checksum();
        write(block, 0, BLOCK);
        if (mirror != null) {
            mirror.header(asRead(entry));
        }
    }

    /**
     * The entry as a reader gets it back from what {@link #header} wrote: ustar carries whole seconds and the 12 mode
     * bits, only a regular file has content, and a device number too big for its field is written as 0 (PAX has no
     * record for it); the rest travels exactly.
     */
    private static TarEntry asRead(TarEntry entry) {
        long size = contentSize(entry);
        int major = (int) fits(entry.deviceMajor(), MAX_OCTAL_7);
        int minor = (int) fits(entry.deviceMinor(), MAX_OCTAL_7);
        if (entry.mtimeNanos() == 0 && (entry.mode() & ~07777) == 0 && entry.size() == size
                && entry.deviceMajor() == major && entry.deviceMinor() == minor) {
            return entry;
        }
        return new TarEntry(entry.name(), entry.type(), entry.linkTarget(), entry.mode() & 07777, entry.uid(),
                entry.gid(), size, entry.mtimeSeconds(), 0, major, minor, entry.xattrs());
    }

    /** Writes entry content; the caller writes exactly the header's size, then calls {@link #endEntry}. */
    void content(byte[] bytes, int offset, int length) throws IOException {
        write(bytes, offset, length);
        if (mirror != null) {
            mirror.content(bytes, offset, length);
        }
    }

    /** Pads the content just written to a whole block. */
    void endEntry(long size) throws IOException {
        pad(size);
        if (mirror != null) {
            mirror.endEntry();
        }
    }

    private void pad(long size) throws IOException {
        int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
        if (padding > 0) {
            Arrays.fill(block, (byte) 0);
            write(block, 0, padding);
        }
    }

    private void paxHeader(String entryName, Map<String, byte[]> records) throws IOException {
        byte[] body = paxBody(records);
        String base = entryName.endsWith("/") ? entryName.substring(0, entryName.length() - 1) : entryName;
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[^\\x21-\\x7e]", "_");
        String name = "PaxHeaders/" + base;
        Arrays.fill(block, (byte) 0);
        byte[] nameBytes = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(nameBytes, 0, block, 0, Math.min(nameBytes.length, 100));
        octal(0644, 100, 8);
        octal(0, 108, 8);
        octal(0, 116, 8);
        octal(body.length, 124, 12);
        octal(0, 136, 12);
        block[156] = 'x';
        magic();
        checksum();
        write(block, 0, BLOCK);
        write(body, 0, body.length);
        pad(body.length);
    }

    /** {@code "LENGTH KEY=VALUE\n"} per record, LENGTH counting its own digits too. */
    static byte[] paxBody(Map<String, byte[]> records) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        records.forEach((key, value) -> {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int rest = 1 + k.length + 1 + value.length + 1;
            int length = rest + String.valueOf(rest).length();
            if (String.valueOf(length).length() != String.valueOf(rest).length()) {
                length = rest + String.valueOf(length).length();
            }
            body.writeBytes((length + " ").getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(k);
            body.write('=');
            body.writeBytes(value);
            body.write('\n');
        });
        return body.toByteArray();
    }

    private static long contentSize(TarEntry entry) {
        return entry.type() == EntryType.FILE ? entry.size() : 0;
    }

    private static byte typeFlag(EntryType type) {
        return switch (type) {
            case FILE -> '0';
            case HARDLINK -> '1';
            case SYMLINK -> '2';
            case CHAR_DEVICE -> '3';
            case BLOCK_DEVICE -> '4';
            case DIRECTORY -> '5';
            case FIFO -> '6';
        };
    }

    private void magic() {
        System.arraycopy(MAGIC, 0, block, 257, MAGIC.length);
    }

    /**
     * Where to cut a name into ustar's prefix (155 bytes) and name (100 bytes): -1 if it fits the name
     * field whole, the index of the separating slash, or -2 if it fits neither way.
     */
    private static int ustarSplit(byte[] name) {
        if (name.length <= 100) {
            return -1;
        }
        if (name.length > 256) {
            return -2;
        }
        for (int i = Math.min(name.length - 2, 155); i >= name.length - 101 && i > 0; i--) {
            if (name[i] == '/') {
                return i;
            }
        }
        return -2;
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b == 0x7f) { // negative for every non-ASCII byte
                return false;
            }
        }
        return true;
    }

    private static long fits(long value, long max) {
        return value > max ? 0 : value; // the PAX record carries the real value
    }

    private static byte[] decimal(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

    /** Zero-padded octal digits filling the field but its last byte, which stays NUL. */
    private void octal(long value, int offset, int length) {
        int digits = length - 1;
        for (int i = digits - 1; i >= 0; i--) {
            block[offset + i] = (byte) ('0' + (value & 7));
            value >>>= 3;
        }
        block[offset + digits] = 0;
    }

    private void checksum() {
        Arrays.fill(block, 148, 156, (byte) ' ');
        long sum = 0;
        for (byte b : block) {
            sum += b & 0xff;
        }
        octal(sum, 148, 7); // six digits and a NUL; the eighth byte stays a space
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (length >= buffer.length) {
            flushBuffer();
            out.write(bytes, offset, length);
            return;
        }
        if (buffered + length > buffer.length) {
            flushBuffer();
        }
        System.arraycopy(bytes, offset, buffer, buffered, length);
        buffered += length;
    }

    private void flushBuffer() throws IOException {
        if (buffered > 0) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
    }
}
