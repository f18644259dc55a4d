package dev.strata.registry.storage;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The registry's content-addressed blobs, each stored once for all repositories: {@code blobs/<algorithm>/<hex>},
 * published from {@code ingest/} by one rename after the bytes were verified and fsynced, so a blob is either
 * whole or absent. Unlike the core's content store it keeps sha512 blobs too, which the distribution spec allows
 * clients to push. A blob's modification time is when it was last written or linked: the garbage collector's
 * grace period counts from it. Thread-safe.
 */
public final class BlobStore {
    private final Path blobs;
    private final Path ingest;
    private final Clock clock;

    public BlobStore(Path root, Clock clock) {
        this.blobs = root.resolve("blobs");
        this.ingest = root.resolve("ingest");
        this.clock = clock;
    }

    /** The file of a blob (which may not exist). */
    public Path path(Digest digest) {
        return blobs.resolve(digest.algorithm()).resolve(digest.encoded());
    }

    public boolean exists(Digest digest) {
        return Files.isRegularFile(path(digest));
    }

    public OptionalLong size(Digest digest) {
        try {
            return OptionalLong.of(Files.size(path(digest)));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** When the blob was last written or linked, or empty when it does not exist. */
    public java.util.Optional<Instant> touched(Digest digest) {
        try {
            return java.util.Optional.of(Files.getLastModifiedTime(path(digest)).toInstant());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    /** Marks the blob as used now, so a garbage collection running at the same time keeps it. */
    public void touch(Digest digest) {
        try {
            Files.setLastModifiedTime(path(digest), FileTime.from(clock.instant()));
        } catch (NoSuchFileException e) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot use blob " + digest + ": it is gone");
        } catch (IOException e) {
            throw failure("touch blob " + digest, e);
        }
    }

    /** A fresh file in the ingest directory, for an upload. */
    public Path newIngestFile() {
        try {
            Files.createDirectories(ingest);
            Path file = ingest.resolve(UUID.randomUUID().toString());
            Files.createFile(file);
            return file;
        } catch (IOException e) {
            throw failure("create an upload file", e);
        }
    }

    /**
     * Publishes a verified, fsynced file as the blob {@code digest} by renaming it; when the blob already exists the
     * file is dropped (same digest, same bytes) and the blob is touched instead.
     */
    public void publish(Path staged, Digest digest) {
        Path target = path(digest);
        try {
            if (Files.exists(target)) {
                Files.deleteIfExists(staged);
                touch(digest);
                return;
            }
            Files.createDirectories(target.getParent());
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
            touch(digest);
        } catch (AtomicMoveNotSupportedException e) {
            throw failure("publish blob " + digest + " (ingest/ and blobs/ must be on one filesystem)", e);
        } catch (IOException e) {
            throw failure("publish blob " + digest, e);
        }
    }

    /** Writes small content (a manifest) as a blob: to ingest, fsync, rename. */
    public void write(Digest digest, byte[] bytes) {
        if (exists(digest)) {
            touch(digest);
            return;
        }
        Path staged = newIngestFile();
        try (FileChannel channel = FileChannel.open(staged, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (IOException e) {
            deleteQuietly(staged);
            throw failure("write blob " + digest, e);
        }
        publish(staged, digest);
    }

    public byte[] read(Digest digest) {
        try {
            return Files.readAllBytes(path(digest));
        } catch (IOException e) {
            throw failure("read blob " + digest, e);
        }
    }

    public void delete(Digest digest) {
        deleteQuietly(path(digest));
    }

    /** Every blob in the store. */
    public List<Digest> list() {
        return dev.strata.core.content.FileContentStore.digestsIn(blobs);
    }

    /** Removes what uploads left behind when the previous server stopped: their sessions died with it. */
    public void clearIngest() {
        if (!Files.isDirectory(ingest)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(ingest)) {
            for (Path file : files) {
                deleteQuietly(file);
            }
        } catch (IOException e) {
            throw failure("clean " + ingest, e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the next start's ingest cleanup or the next garbage collection
        }
    }

    static StrataException failure(String action, IOException e) {
        return new StrataException(StrataException.Kind.SYSTEM, "cannot " + action + ": " + e, e);
    }
}
