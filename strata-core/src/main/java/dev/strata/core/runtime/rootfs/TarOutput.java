package dev.strata.core.runtime.rootfs;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes entries as a POSIX tar (ustar, with a PAX header only for what ustar cannot hold: long or non-ASCII
 * names, big numbers, extended attributes with binary values such as {@code security.capability}), as
 * {@code docker cp} and {@code docker export} send them. Commons Compress's writer is not used because it
 * cannot write binary PAX values. Not thread-safe.
 */
final class TarOutput implements EntrySink {
    private static final int BLOCK = 512;
    private static final long MAX_OCTAL_7 = 07777777L;
    private static final long MAX_OCTAL_11 = 077777777777L;

    private final OutputStream out;
    private final byte[] block = new byte[BLOCK];
    private final byte[] buffer = new byte[1 << 16];

    TarOutput(OutputStream out) {
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    @Override
    public void add(Entry entry, InputStream content) throws IOException {
        String name = entry.type() == Entry.Type.DIRECTORY ? entry.name() + "/" : entry.name();
        long size = entry.type() == Entry.Type.REGULAR ? entry.size() : 0;
        header(name, entry, size);
        long remaining = size;
        while (remaining > 0) {
            int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new IOException("content of " + entry.name() + " ended early");
            }
            out.write(buffer, 0, n);
            remaining -= n;
        }
        pad(size);
    }

    /** Ends the archive with its two zero blocks and flushes; the caller's stream stays open. */
    void finish() throws IOException {
        Arrays.fill(block, (byte) 0);
        out.write(block);
        out.write(block);
        out.flush();
    }

    private void header(String name, Entry entry, long size) throws IOException {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        byte[] link = entry.linkName() == null ? new byte[0] : entry.linkName().getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> pax = new TreeMap<>();
        int split = ascii(nameBytes) ? ustarSplit(nameBytes) : -2;
        if (split == -2) {
            pax.put("path", nameBytes);
        }
        if (link.length > 100 || !ascii(link)) {
            pax.put("linkpath", link);
        }
        bigNumber(pax, "uid", entry.uid(), MAX_OCTAL_7);
        bigNumber(pax, "gid", entry.gid(), MAX_OCTAL_7);
        bigNumber(pax, "size", size, MAX_OCTAL_11);
        if (entry.mtimeSeconds() < 0 || entry.mtimeSeconds() > MAX_OCTAL_11) {
            pax.put("mtime", decimal(entry.mtimeSeconds()));
        }
        entry.xattrs().forEach((key, value) -> pax.put("SCHILY.xattr." + key, value));
        if (!pax.isEmpty()) {
            paxHeader(pax);
        }
        Arrays.fill(block, (byte) 0);
        if (split >= 0) {
            System.arraycopy(nameBytes, split + 1, block, 0, nameBytes.length - split - 1);
            System.arraycopy(nameBytes, 0, block, 345, split);
        } else {
            System.arraycopy(nameBytes, 0, block, 0, Math.min(nameBytes.length, 100));
        }
        octal(entry.mode() & 07777, 100, 8);
        octal(fits(entry.uid(), MAX_OCTAL_7), 108, 8);
        octal(fits(entry.gid(), MAX_OCTAL_7), 116, 8);
        octal(fits(size, MAX_OCTAL_11), 124, 12);
        octal(entry.mtimeSeconds() < 0 ? 0 : fits(entry.mtimeSeconds(), MAX_OCTAL_11), 136, 12);
        block[156] = typeFlag(entry.type());
        System.arraycopy(link, 0, block, 157, Math.min(link.length, 100));
        magic();
        if (entry.type() == Entry.Type.CHAR_DEVICE || entry.type() == Entry.Type.BLOCK_DEVICE) {
            octal(fits(entry.deviceMajor(), MAX_OCTAL_7), 329, 8);
            octal(fits(entry.deviceMinor(), MAX_OCTAL_7), 337, 8);
        }
        checksum();
        out.write(block);
    }

    private void paxHeader(Map<String, byte[]> records) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        records.forEach((key, value) -> {
            byte[] k = key.getBytes(StandardCharsets.UTF_8);
            int rest = 1 + k.length + 1 + value.length + 1; // " KEY=VALUE\n"
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
        Arrays.fill(block, (byte) 0);
        byte[] name = "PaxHeader".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(name, 0, block, 0, name.length);
        octal(0644, 100, 8);
        octal(0, 108, 8);
        octal(0, 116, 8);
        octal(body.size(), 124, 12);
        octal(0, 136, 12);
        block[156] = 'x';
        magic();
        checksum();
        out.write(block);
        body.writeTo(out);
        pad(body.size());
    }

    private static byte typeFlag(Entry.Type type) {
        return switch (type) {
            case REGULAR -> '0';
            case HARDLINK -> '1';
            case SYMLINK -> '2';
            case CHAR_DEVICE -> '3';
            case BLOCK_DEVICE -> '4';
            case DIRECTORY -> '5';
            case FIFO -> '6';
        };
    }

    private void pad(long size) throws IOException {
        int padding = (int) ((BLOCK - size % BLOCK) % BLOCK);
        if (padding > 0) {
            Arrays.fill(block, (byte) 0);
            out.write(block, 0, padding);
        }
    }

    private void magic() {
        System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, block, 257, 6);
        block[263] = '0';
        block[264] = '0';
    }

    /** Where to cut a name into ustar's prefix and name fields: -1 if it fits the name field, -2 if neither. */
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
            if (b < 0x20 || b == 0x7f) { // negative for every byte of a multi-byte character
                return false;
            }
        }
        return true;
    }

    private static void bigNumber(Map<String, byte[]> pax, String key, long value, long max) {
        if (value > max || value < 0) {
            pax.put(key, decimal(value));
        }
    }

    private static long fits(long value, long max) {
        return value > max || value < 0 ? 0 : value; // the PAX record carries the real value
    }

    private static byte[] decimal(long value) {
        return Long.toString(value).getBytes(StandardCharsets.US_ASCII);
    }

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
        octal(sum, 148, 7);
    }
}
