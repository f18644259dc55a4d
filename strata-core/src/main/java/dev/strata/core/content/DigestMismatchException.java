package dev.strata.core.content;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;

/** Bytes whose digest or size is not the one they were announced with. */
public final class DigestMismatchException extends StrataException {
    public DigestMismatchException(Digest expected, Digest actual) {
        super(Kind.CORRUPT, "content digest mismatch: expected " + expected + ", got " + actual);
    }

    public DigestMismatchException(Digest expected, long expectedSize, long actualSize) {
        super(Kind.CORRUPT, "content size mismatch for " + expected + ": expected " + expectedSize
                + " bytes, got " + actualSize);
    }
}
