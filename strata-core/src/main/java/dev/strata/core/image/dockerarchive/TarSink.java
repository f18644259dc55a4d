package dev.strata.core.image.dockerarchive;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A deterministic tar writer for archives of blobs: owner 0:0 with no names, mode 0644 for files and 0755 for
 * directories, the mtime the caller gives, no padding past the two end-of-archive records (as Go's tar writer).
 *
 * <p>Headers are encoded by Commons Compress ({@link TarArchiveEntry#writeEntryHeader}), but the bytes around them
 * are written here rather than by {@code TarArchiveOutputStream}: that stream must see every content byte through
 * {@code write()}, which rules out handing a layer file to {@link FileChannel#transferTo} (sendfile or
 * copy_file_range, no copy through the JVM). Every name an image archive holds is short, so plain ustar headers
 * suffice; a file of 8 GiB or more gets a PAX {@code size} record, as the ustar size field cannot hold it.
 * Not thread-safe.
 */
final class TarSink {
    private static final int RECORD = TarConstants.DEFAULT_RCDSIZE;
    private static final long MAX_OCTAL_SIZE = 077777777777L;
    private static final long MAX_OCTAL_TIME = 077777777777L;
    private static final int FILE_MODE = 0100644;
    private static final int DIR_MODE = 040755;

    private final OutputStream out;
    private final FileChannel channel;
    private final byte[] buffer = new byte[1 << 20];
    private int buffered;

    /** A sink into {@code out}; if it is a {@link FileOutputStream}, file contents go through its channel. */
    TarSink(OutputStream out) {
        this.out = out;
        this.channel = out instanceof FileOutputStream file ? file.getChannel() : null;
    }

    void directory(String name, Instant mtime) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR);
        header(entry, DIR_MODE, 0, mtime);
    }

    void file(String name, byte[] content, Instant mtime) throws IOException {
        fileHeader(name, content.length, mtime);
        put(content, 0, content.length);
        pad(content.length);
    }

    /** A file entry whose content is {@code size} bytes of a local file, copied without passing through the JVM when possible. */
    void file(String name, Path source, long size, Instant mtime) throws IOException {
        fileHeader(name, size, mtime);
        try (FileChannel in = FileChannel.open(source, StandardOpenOption.READ)) {
            if (in.size() != size) {
                throw new IOException(source + " is " + in.size() + " bytes, expected " + size);
            }
            if (channel != null) {
                flush();
                long position = 0;
                while (position < size) {
                    position += in.transferTo(position, size - position, channel);
                }
            } else {
                copy(Channels.newInputStream(in), size);
            }
        }
        pad(size);
    }

    /** A file entry whose content is the next {@code size} bytes of {@code in}, which must hold exactly that many. */
    void file(String name, InputStream in, long size, Instant mtime) throws IOException {
        fileHeader(name, size, mtime);
        copy(in, size);
        if (in.read() != -1) {
            throw new IOException(name + " holds more than the " + size + " bytes its descriptor says");
        }
        pad(size);
    }

    /** Writes the end-of-archive records and flushes; the caller closes the stream. */
    void finish() throws IOException {
        put(new byte[2 * RECORD], 0, 2 * RECORD);
        flush();
        out.flush();
    }

    /** The header of a regular file; exactly {@code size} content bytes and the padding must follow. */
    void fileHeader(String name, long size, Instant mtime) throws IOException {
        header(new TarArchiveEntry(name), FILE_MODE, size, mtime);
    }

    private void header(TarArchiveEntry entry, int mode, long size, Instant mtime) throws IOException {
        if (size > MAX_OCTAL_SIZE) {
            paxSize(entry.getName(), size, mtime);
        }
        entry.setMode(mode);
        entry.setUserId(0);
        entry.setGroupId(0);
        entry.setUserName("");
        entry.setGroupName("");
        entry.setSize(Math.min(size, MAX_OCTAL_SIZE));
        entry.setModTime(FileTime.from(seconds(mtime), TimeUnit.SECONDS));
        byte[] record = new byte[RECORD];
        entry.writeEntryHeader(record);
        put(record, 0, RECORD);
    }

    private void paxSize(String name, long size, Instant mtime) throws IOException {
        String value = " size=" + size + "\n";
        int length = value.length();
        // The record's length counts its own digits: grow until the count is stable.
        while (String.valueOf(length).length() + value.length() != length) {
            length = String.valueOf(length).length() + value.length();
        }
        byte[] record = (length + value).getBytes(StandardCharsets.UTF_8);
        String paxName = "PaxHeaders.0/" + name.substring(0, Math.min(name.length(), 80));
        header(new TarArchiveEntry(paxName, TarConstants.LF_PAX_EXTENDED_HEADER_LC), FILE_MODE, record.length, mtime);
        put(record, 0, record.length);
        pad(record.length);
    }

    private static long seconds(Instant mtime) {
        return Math.clamp(mtime.getEpochSecond(), 0, MAX_OCTAL_TIME);
    }

    private void copy(InputStream in, long size) throws IOException {
        long remaining = size;
        while (remaining > 0) {
            if (buffered == buffer.length) {
                flush();
            }
            int n = in.read(buffer, buffered, (int) Math.min(buffer.length - buffered, remaining));
            if (n < 0) {
                throw new IOException("content ended " + remaining + " bytes short of the " + size + " its descriptor says");
            }
            buffered += n;
            remaining -= n;
        }
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % RECORD);
        if (rest != 0) {
            put(new byte[RECORD - rest], 0, RECORD - rest);
        }
    }

    private void put(byte[] bytes, int offset, int length) throws IOException {
        if (length > buffer.length - buffered) {
            flush();
        }
        if (length > buffer.length) {
            write(bytes, offset, length);
            return;
        }
        System.arraycopy(bytes, offset, buffer, buffered, length);
        buffered += length;
    }

    private void flush() throws IOException {
        write(buffer, 0, buffered);
        buffered = 0;
    }

    private void write(byte[] bytes, int offset, int length) throws IOException {
        if (channel == null) {
            out.write(bytes, offset, length);
            return;
        }
        ByteBuffer wrapped = ByteBuffer.wrap(bytes, offset, length);
        while (wrapped.hasRemaining()) {
            channel.write(wrapped);
        }
    }
}
