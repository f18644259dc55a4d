package dev.strata.core.image.layout;

import dev.strata.core.oci.Digest;
import java.util.Optional;

/**
 * The blobs of one image medium (a layout directory, an unpacked archive), looked up by digest: what walking an
 * index and assembling images need. Implementations verify what they hand out; {@link #document} refuses blobs
 * larger than a manifest or config may be.
 */
public interface BlobSource {
    /** The blob with this digest, or empty if the medium does not hold it. */
    Optional<LocalBlob> find(Digest digest);

    /** The bytes of a small JSON blob (index, manifest, config); {@code what} names it in errors. */
    byte[] document(Digest digest, String what);
}
