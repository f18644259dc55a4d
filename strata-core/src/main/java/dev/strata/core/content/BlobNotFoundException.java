package dev.strata.core.content;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;

/** A blob that the store does not have. */
public final class BlobNotFoundException extends StrataException {
    public BlobNotFoundException(Digest digest) {
        super(Kind.NOT_FOUND, "blob " + digest + " not found in the content store");
    }
}
