package dev.strata.core.content;

import dev.strata.core.oci.Digest;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;

/** The read role of a content store: blobs by digest. Implementations are thread-safe. */
public interface ContentProvider {
    /** The size of the blob, or empty if the store does not have it. */
    OptionalLong size(Digest digest);

    default boolean exists(Digest digest) {
        return size(digest).isPresent();
    }

    /** Opens the blob; throws {@link BlobNotFoundException} if it is absent. */
    InputStream open(Digest digest);

    /** Reads a whole small blob (a manifest or config); refuses blobs larger than {@code maxBytes}. */
    byte[] read(Digest digest, int maxBytes);

    /** The file that holds the blob, for zero-copy transfers; throws {@link BlobNotFoundException} if absent. */
    Path file(Digest digest);
}
