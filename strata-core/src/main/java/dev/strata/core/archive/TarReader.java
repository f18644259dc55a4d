package dev.strata.core.archive;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads the entries of a tar stream (plain, gzip, zstd, bzip2 or xz) in one pass with Commons Compress, the
 * raw header blocks read alongside for what it cannot hand over intact: absolute names, binary extended
 * attribute values (see {@link RawHeader}). For a layer it also digests the plain tar bytes (the diffID).
 * Every failure to read comes out either as the caller's own {@link SourceFailure} or as a
 * {@link StrataException} of kind {@link StrataException.Kind#CORRUPT}. Not thread-safe.
 */
public final class TarReader implements Closeable {
    /** The caller's stream failed (a broken connection, say): not the archive's fault. */
    public static final class SourceFailure extends RuntimeException {
        SourceFailure(IOException cause) {
            super(cause);
        }

        /** The caller's stream's own exception. */
        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private final GuardedSource source;
    private final InputStream plain;
    private final DigestingInputStream digesting;
    private final String action;
    private final HeaderTap tap;
    private final TarArchiveInputStream tar;
    private final byte[] drain = new byte[8192];
    private final InputStream content = new Content();
    private boolean inEntry;

    private TarReader(GuardedSource source, InputStream plain, DigestingInputStream digesting, String action) {
        this.source = source;
        this.plain = plain;
        this.digesting = digesting;
        this.action = action;
        this.tap = new HeaderTap(plain);
        this.tar = new TarArchiveInputStream(tap);
    }

    /**
     * A reader of {@code tar}, which closing the reader leaves open. It is read to the archive's end, perhaps
     * a little past it (decompressing and parsing read in blocks).
     *
     * @param action what the caller does, for messages: "cannot ACTION: the archive is truncated"
     */
    public static TarReader open(InputStream tar, String action) {
        GuardedSource source = new GuardedSource(tar);
        try {
            return new TarReader(source, Compression.decompressing(source), null, action);
        } catch (IOException e) {
            throw failure(source, e, action);
        }
    }

    /** A reader of a layer that digests it, reading ahead in a second thread if asked. */
    static TarReader openLayer(InputStream layer, boolean readAhead) {
        GuardedSource source = new GuardedSource(layer);
        try {
            InputStream decompressed = Compression.decompressing(source);
            DigestingInputStream plain = readAhead ? new ReadAheadInputStream(decompressed) : new HashingInputStream(decompressed);
            return new TarReader(source, plain, plain, "extract layer");
        } catch (IOException e) {
            throw failure(source, e, "extract layer");
        }
    }

    /** The next entry, or null after the last; the previous entry's unread content is skipped. */
    public TarEntry next() {
        try {
            if (inEntry) {
                while (tar.read(drain, 0, drain.length) >= 0) {
                    // the applier did not need it (a whiteout's content, say)
                }
            }
            tap.startRecording();
            TarArchiveEntry entry = tar.getNextEntry();
            RawHeader raw = tap.stopRecording();
            inEntry = entry != null;
            if (entry == null) {
                if ((raw == null || !raw.trailer()) && tap.offset() % RawHeader.BLOCK != 0) {
                    throw corrupt("the archive is truncated");
                }
                return null;
            }
            if (!entry.isCheckSumOK()) {
                throw corrupt("a tar header has a wrong checksum");
            }
            if (raw == null || raw.trailer() || raw.type() != entry.getLinkFlag()) {
                throw corrupt("unreadable tar header at offset " + tap.offset());
            }
            return entry(entry, raw);
        } catch (IOException | RuntimeException e) {
            throw failure(source, e, action);
        }
    }

    /** Reads the current entry's content; -1 at its end. */
    public int read(byte[] buffer, int offset, int length) {
        try {
            return tar.read(buffer, offset, length);
        } catch (IOException e) {
            throw failure(source, e, action);
        }
    }

    /** The current entry's content as a stream, which throws what {@link #read} throws; closing it does nothing. */
    public InputStream content() {
        return content;
    }

    /** Reads to the end of the stream and returns the diffID: sha256 of every uncompressed byte. */
    Digest finish() {
        try {
            return digesting.digestToEnd();
        } catch (IOException e) {
            throw failure(source, e, action);
        }
    }

    @Override
    public void close() throws IOException {
        plain.close();
    }

    private TarEntry entry(TarArchiveEntry e, RawHeader raw) {
        EntryType type = type(e, raw.name());
        FileTime mtime = e.getLastModifiedTime();
        Instant instant = mtime == null ? Instant.EPOCH : mtime.toInstant();
        return new TarEntry(
                raw.name(),
                type,
                raw.linkTarget(),
                e.getMode() & 07777,
                id(e.getLongUserId(), "user"),
                id(e.getLongGroupId(), "group"),
                type == EntryType.FILE ? e.getRealSize() : 0,
                instant.getEpochSecond(),
                instant.getNano(),
                e.getDevMajor(),
                e.getDevMinor(),
                raw.xattrs());
    }

    private EntryType type(TarArchiveEntry e, String name) {
        byte flag = e.getLinkFlag();
        return switch (flag) {
            case '5' -> EntryType.DIRECTORY;
            case '0', 0, '7', 'S' -> name.endsWith("/") ? EntryType.DIRECTORY : EntryType.FILE;
            case '1' -> EntryType.HARDLINK;
            case '2' -> EntryType.SYMLINK;
            case '3' -> EntryType.CHAR_DEVICE;
            case '4' -> EntryType.BLOCK_DEVICE;
            case '6' -> EntryType.FIFO;
            default -> throw corrupt("entry " + EntryNames.quote(name) + " has the unsupported type '"
                    + (flag >= 0x20 && flag < 0x7f ? String.valueOf((char) flag) : "\\x" + Integer.toHexString(flag & 0xff)) + "'");
        };
    }

    private int id(long id, String what) {
        if (id < 0 || id > 0xffff_ffffL) {
            throw corrupt("a tar header has an impossible " + what + " ID " + id);
        }
        return (int) id;
    }

    private static RuntimeException failure(GuardedSource source, Exception e, String action) {
        if (source.failure() != null) {
            return new SourceFailure(source.failure());
        }
        if (e instanceof StrataException strata) {
            return strata;
        }
        String reason = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return new StrataException(StrataException.Kind.CORRUPT,
                "cannot " + action + ": the archive is corrupt or truncated (" + reason.lines().findFirst().orElse(reason) + ")", e);
    }

    private StrataException corrupt(String reason) {
        return new StrataException(StrataException.Kind.CORRUPT, "cannot " + action + ": " + reason);
    }

    /** The current entry's content for a caller that wants a stream. */
    private final class Content extends InputStream {
        @Override
        public int read() {
            byte[] one = new byte[1];
            return TarReader.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            return TarReader.this.read(b, off, len);
        }
    }
}
