package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.content.Scratch;
import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

/**
 * Blobs partly downloaded, one file per digest, kept across processes so that a pull cut off (a dropped
 * connection, a killed process) resumes where it stopped instead of starting over. A file is locked while a
 * download appends to it; a second download of the same blob at the same time writes a private scratch file
 * instead. Files untouched for a week are removed. Thread-safe.
 */
final class PartialBlobs {
    private static final Duration ABANDONED = Duration.ofDays(7);

    private final Path directory;
    private final Scratch scratch;

    PartialBlobs(Path directory, Scratch scratch) {
        this.directory = directory;
        this.scratch = scratch;
    }

    /** The partial file of this blob, locked for the caller, with whatever an earlier attempt left in it. */
    Partial open(Digest digest) {
        try {
            Files.createDirectories(directory);
            Path file = directory.resolve(digest.algorithm() + "-" + digest.encoded());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) { // someone else is downloading it: do it privately, without resuming
                channel.close();
                Path own = scratch.newPath("download");
                return new Partial(own, FileChannel.open(own, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                        StandardOpenOption.WRITE), null);
            }
            return new Partial(file, channel, lock);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot keep a download of " + digest.shortHex()
                    + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    /** Removes partial files nobody touched for a week (pulls given up on). Best effort. */
    void removeAbandoned(Instant now) {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                FileTime modified = Files.getLastModifiedTime(file);
                if (modified.toInstant().plus(ABANDONED).isBefore(now)) {
                    Files.deleteIfExists(file);
                }
            }
        } catch (IOException e) {
            // the next pull tries again
        }
    }

    /** An open, locked partial file. Closing keeps its bytes for the next attempt unless {@link #delete}d. */
    static final class Partial implements AutoCloseable {
        private final Path file;
        private final FileChannel channel;
        private final FileLock lock;

        Partial(Path file, FileChannel channel, FileLock lock) {
            this.file = file;
            this.channel = channel;
            this.lock = lock;
        }

        Path file() {
            return file;
        }

        FileChannel channel() {
            return channel;
        }

        long size() throws IOException {
            return channel.size();
        }

        void delete() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // removed as abandoned later
            }
        }

        @Override
        public void close() {
            try {
                if (lock != null && lock.isValid()) {
                    lock.release();
                }
                channel.close();
            } catch (IOException e) {
                // nothing to keep: the bytes are written
            }
        }
    }
}
