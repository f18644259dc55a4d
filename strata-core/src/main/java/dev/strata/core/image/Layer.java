package dev.strata.core.image;

import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** One layer of an image: the blob as the medium holds it, and the diffID of its uncompressed tar. */
public interface Layer {
    /** The blob: media type, digest and size of the bytes {@link #open()} returns. */
    Descriptor descriptor();

    /** The digest of the uncompressed layer tar. */
    Digest diffId();

    /** The blob's bytes (compressed if the descriptor says so). */
    InputStream open();

    /** The local file holding exactly the blob's bytes, when there is one (for zero-copy transfers). */
    default Optional<Path> file() {
        return Optional.empty();
    }
}
