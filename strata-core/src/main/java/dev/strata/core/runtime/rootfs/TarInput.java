package dev.strata.core.runtime.rootfs;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Compression;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a tar stream (plain, gzip, bzip2, xz or zstd, as the Engine API accepts) into entries, with Commons
 * Compress. Extended attributes come from {@code SCHILY.xattr.*} records; one whose value is not valid UTF-8 is
 * dropped, because Commons Compress decodes PAX values as text and cannot give the bytes back. Stateless.
 */
final class TarInput {
    private static final String XATTR = "SCHILY.xattr.";

    private TarInput() {}

    /**
     * Hands every entry of {@code source} to {@code sink}; the caller's stream is read to the archive's end,
     * not closed.
     *
     * @throws IOException when the caller's stream fails (then {@link Source#failure()} is it), or the sink fails
     * @throws StrataException of kind CORRUPT for bytes that are no tar
     */
    static void read(Source source, EntrySink sink) throws IOException {
        TarArchiveInputStream tar;
        try {
            tar = new TarArchiveInputStream(Compression.decompressing(source));
        } catch (IOException e) {
            throw sourceOr(source, e);
        }
        InputStream content = new Content(tar, source);
        while (true) {
            TarArchiveEntry raw;
            try {
                raw = tar.getNextEntry();
            } catch (IOException e) {
                throw sourceOr(source, e);
            }
            if (raw == null) {
                return;
            }
            Entry entry = entry(raw);
            if (entry != null) {
                sink.add(entry, content);
            }
        }
    }

    /** The entry, or null for one that carries no file (a global PAX header). */
    private static Entry entry(TarArchiveEntry raw) {
        if (raw.isGlobalPaxHeader()) {
            return null;
        }
        Entry.Type type;
        if (raw.isSymbolicLink()) {
            type = Entry.Type.SYMLINK;
        } else if (raw.isLink()) {
            type = Entry.Type.HARDLINK;
        } else if (raw.isDirectory()) {
            type = Entry.Type.DIRECTORY;
        } else if (raw.isCharacterDevice()) {
            type = Entry.Type.CHAR_DEVICE;
        } else if (raw.isBlockDevice()) {
            type = Entry.Type.BLOCK_DEVICE;
        } else if (raw.isFIFO()) {
            type = Entry.Type.FIFO;
        } else if (raw.isFile()) {
            type = Entry.Type.REGULAR;
        } else {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot copy to container: entry "
                    + raw.getName() + " has the tar type '" + (char) raw.getLinkFlag() + "', which holds no file");
        }
        Instant mtime = raw.getLastModifiedTime() == null ? Instant.EPOCH : raw.getLastModifiedTime().toInstant();
        String link = type == Entry.Type.SYMLINK || type == Entry.Type.HARDLINK ? raw.getLinkName() : null;
        return new Entry(raw.getName(), type, raw.getMode() & 07777, raw.getLongUserId(), raw.getLongGroupId(),
                type == Entry.Type.REGULAR ? raw.getSize() : 0, mtime.getEpochSecond(), mtime.getNano(), link,
                raw.getDevMajor(), raw.getDevMinor(), xattrs(raw));
    }

    private static Map<String, byte[]> xattrs(TarArchiveEntry raw) {
        Map<String, byte[]> xattrs = new TreeMap<>();
        raw.getExtraPaxHeaders().forEach((key, value) -> {
            if (key.startsWith(XATTR) && key.length() > XATTR.length() && value.indexOf('\uFFFD') < 0) {
                xattrs.put(key.substring(XATTR.length()), value.getBytes(StandardCharsets.UTF_8));
            }
        });
        return xattrs;
    }

    private static IOException sourceOr(Source source, IOException e) {
        if (source.failure != null) {
            return source.failure;
        }
        throw corrupt(e);
    }

    private static StrataException corrupt(IOException e) {
        return new StrataException(StrataException.Kind.CORRUPT,
                "cannot copy to container: the input is not a readable tar archive: " + e.getMessage(), e);
    }

    /** An entry's content: a truncated archive is CORRUPT, a failing caller's stream its own exception. */
    private static final class Content extends FilterInputStream {
        private final Source source;

        Content(InputStream tar, Source source) {
            super(tar);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw sourceOr(source, e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw sourceOr(source, e);
            }
        }

        @Override
        public void close() {
            // the archive goes on after this entry
        }
    }

    /** The caller's stream, remembering whether it failed, to tell that apart from a bad archive or disk. */
    static final class Source extends FilterInputStream {
        private IOException failure;

        Source(InputStream in) {
            super(in);
        }

        IOException failure() {
            return failure;
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                failure = e;
                throw e;
            }
        }

        @Override
        public void close() {
            // the caller's stream is the caller's to close
        }
    }
}
