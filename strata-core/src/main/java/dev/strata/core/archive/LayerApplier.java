package dev.strata.core.archive;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Unpacks a layer tar (plain, gzip, zstd, bzip2 or xz) into a directory in one streaming pass, leaving
 * whiteouts in overlayfs form so that the directory can serve as an overlay lower directory. Refuses,
 * with {@link UnsafeArchiveException}, any entry that would write outside the directory or through a
 * symbolic link. Thread-safe: each call works on its own state.
 */
public final class LayerApplier {
    private final ApplyOptions options;

    /** With {@link ApplyOptions#defaults()}: privileged when running as root, reading ahead, parallel writers. */
    public LayerApplier() {
        this(ApplyOptions.defaults());
    }

    public LayerApplier(ApplyOptions options) {
        this.options = options;
    }

    /**
     * Applies {@code layer}, reading it to its end (it is not closed), to {@code target}.
     *
     * @param target an existing empty directory; on failure it holds part of the layer and should be removed
     * @return the diffID, the size of the regular files and the number of entries
     * @throws IOException only when reading {@code layer} itself fails; the exception is the stream's own
     * @throws UnsafeArchiveException if an entry would escape {@code target}
     * @throws StrataException of kind CORRUPT for an unreadable or truncated layer, SYSTEM when writing fails
     */
    public ApplyResult apply(InputStream layer, Path target) throws IOException {
        requireDirectory(target);
        try (Extraction extraction = new Extraction(target, options);
             TarReader reader = TarReader.openLayer(layer, options.readAhead())) {
            byte[] buffer = new byte[FileWrites.MAX_BUFFERED_FILE];
            TarEntry entry;
            while ((entry = reader.next()) != null) {
                extraction.header(entry);
                if (entry.type() == EntryType.FILE) {
                    int n;
                    // a whole buffer at a time (or the entry's end), so that every size takes few writes
                    while ((n = reader.content().readNBytes(buffer, 0, buffer.length)) > 0) {
                        extraction.content(buffer, 0, n);
                    }
                }
                extraction.endEntry();
            }
            Digest diffId = reader.finish();
            extraction.finish();
            return new ApplyResult(diffId, extraction.size(), extraction.entries());
        } catch (TarReader.SourceFailure e) {
            throw e.getCause();
        } catch (InvalidPathException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot extract layer: the name "
                    + EntryNames.quote(e.getInput()) + " cannot be represented in this system's file name encoding;"
                    + " run Strata in a UTF-8 locale (LANG=C.UTF-8)", e);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot extract layer: " + describe(e), e);
        }
    }

    /**
     * Applies to {@code target} the layer that {@code layer} writes, entry by entry as its {@link TarWriter} writes
     * them (the writer is given the mirror this passes to {@code layer}): the tar is never read back.
     *
     * @param target an existing empty directory; on failure it holds part of the layer and should be removed
     * @return the result, with the diffID {@code layer} returns
     * @throws IOException only as {@code layer} throws it; failures to write into {@code target} come out as
     *     {@link StrataException} of kind SYSTEM (from the mirror's calls too), unsafe entries as {@link UnsafeArchiveException}
     */
    public ApplyResult applyWritten(Path target, WrittenLayer layer) throws IOException {
        requireDirectory(target);
        try (Extraction extraction = new Extraction(target, options)) {
            Digest diffId = layer.write(new CheckedMirror(extraction));
            finish(extraction);
            return new ApplyResult(diffId, extraction.size(), extraction.entries());
        }
    }

    /** A layer written through the mirror it is given, which returns its diffID (the digest of the tar written). */
    @FunctionalInterface
    public interface WrittenLayer {
        Digest write(EntryMirror mirror) throws IOException;
    }

    /** Passes entries on, turning a failure to write into the target into the error {@link #apply} gives for it. */
    private record CheckedMirror(Extraction extraction) implements EntryMirror {
        @Override
        public void header(TarEntry entry) {
            try {
                extraction.header(entry);
            } catch (IOException e) {
                throw writeFailure(e);
            }
        }

        @Override
        public void content(byte[] bytes, int offset, int length) {
            try {
                extraction.content(bytes, offset, length);
            } catch (IOException e) {
                throw writeFailure(e);
            }
        }

        @Override
        public void endEntry() {
            try {
                extraction.endEntry();
            } catch (IOException e) {
                throw writeFailure(e);
            }
        }
    }

    private static void finish(Extraction extraction) {
        try {
            extraction.finish();
        } catch (IOException e) {
            throw writeFailure(e);
        }
    }

    private static StrataException writeFailure(IOException e) {
        return new StrataException(StrataException.Kind.SYSTEM, "cannot extract layer: " + describe(e), e);
    }

    private static void requireDirectory(Path target) {
        Optional<FileStat> stat;
        try {
            stat = PosixFiles.lstatIfExists(target);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot extract layer: " + describe(e), e);
        }
        if (stat.isEmpty() || !stat.get().isDirectory()) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "cannot extract layer: " + target + " is not a directory");
        }
    }

    static String describe(IOException e) {
        if (e instanceof FileSystemException fs) {
            String reason = fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
            return "cannot write " + fs.getFile() + ": " + reason;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
