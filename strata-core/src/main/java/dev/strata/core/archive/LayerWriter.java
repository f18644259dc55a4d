package dev.strata.core.archive;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileReads;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Writes a directory tree as an uncompressed layer tar, deterministically: the same tree always gives
 * the same bytes, so the same diffID. An overlay upper directory is converted on the way: 0/0 character
 * devices become {@code .wh.NAME} whiteouts and opaque directories get a {@code .wh..wh..opq} entry.
 * Thread-safe: each call works on its own state.
 */
public final class LayerWriter {
    private final long latestTime;

    public LayerWriter() {
        this(Long.MAX_VALUE);
    }

    private LayerWriter(long latestTime) {
        this.latestTime = latestTime;
    }

    /** A writer that records file times later than {@code latest} as {@code latest} (SOURCE_DATE_EPOCH builds). */
    public static LayerWriter clampingTimesTo(java.time.Instant latest) {
        return new LayerWriter(latest.getEpochSecond());
    }

    /**
     * Writes the layer for {@code dir} (not including {@code dir} itself) to {@code out}, which is flushed
     * but not closed. Returns the sum of the content bytes of the regular files written (hard links count
     * once). The layer's diffID is left to the reader of {@code out}, which digests what it stores anyway.
     *
     * @throws IOException only when writing to {@code out} fails; the exception is the stream's own
     * @throws StrataException of kind SYSTEM when the tree cannot be read
     */
    public long write(Path dir, OutputStream out) throws IOException {
        return write(dir, out, null);
    }

    /**
     * Like {@link #write(Path, OutputStream)}, also passing every entry to {@code mirror} (null: none), as a reader
     * of the tar will see it.
     */
    public long write(Path dir, OutputStream out, EntryMirror mirror) throws IOException {
        GuardedSink sink = new GuardedSink(out);
        try {
            Optional<FileStat> stat = PosixFiles.lstatIfExists(dir);
            if (stat.isEmpty() || !stat.get().isDirectory()) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "cannot write layer: " + dir + " is not a directory");
            }
            TarWriter tar = new TarWriter(sink, mirror);
            try (FileReads reads = new FileReads()) {
                TreeWriter tree = new TreeWriter(tar, reads).clampingTimesTo(latestTime);
                tree.directory(dir, "");
                tar.finish();
                return tree.size();
            }
        } catch (IOException e) {
            if (sink.failure() != null) {
                throw sink.failure();
            }
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot write layer: " + LayerApplier.describe(e), e);
        }
    }
}
