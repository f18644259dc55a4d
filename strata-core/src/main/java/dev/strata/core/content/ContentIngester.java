package dev.strata.core.content;

import dev.strata.core.oci.Digest;

/**
 * The write role of a content store. Every write goes ingest → verify → fsync → rename: a reader sees a blob
 * whole or not at all, and writing a blob that already exists is a success. Thread-safe.
 */
public interface ContentIngester {
    /** A writer into a new temporary file; bytes are digested as they are written. */
    BlobWriter writer();

    /** Writes these bytes as a blob and returns their digest. */
    default Digest put(byte[] bytes) {
        try (BlobWriter writer = writer()) {
            writer.write(bytes);
            return writer.commit(Digest.sha256(bytes), bytes.length);
        }
    }
}
