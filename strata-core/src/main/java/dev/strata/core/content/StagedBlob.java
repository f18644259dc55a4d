package dev.strata.core.content;

import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * A verified, fsynced blob in the ingest directory that is not yet visible in the store. An operation that
 * writes many blobs stages them all, checks the whole, then publishes; if it fails, it discards them.
 */
public final class StagedBlob {
    private final Digest digest;
    private final long size;
    private final Path file;
    private final BiFunction<Path, Digest, Digest> publisher;

    StagedBlob(Digest digest, long size, Path file, BiFunction<Path, Digest, Digest> publisher) {
        this.digest = digest;
        this.size = size;
        this.file = file;
        this.publisher = publisher;
    }

    public Digest digest() {
        return digest;
    }

    public long size() {
        return size;
    }

    /** The staged file, readable until published or discarded. */
    public Path file() {
        return file;
    }

    /** Moves the blob into the store (a no-op if the store already has it). */
    public Digest publish() {
        return publisher.apply(file, digest);
    }

    public void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // the ingest cleanup removes it later
        }
    }
}
