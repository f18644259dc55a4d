package dev.strata.core.oci;

import dev.strata.core.StrataException;

/** A digest string that does not follow the OCI grammar. */
public final class InvalidDigestException extends StrataException {
    public InvalidDigestException(String message) {
        super(Kind.INVALID_ARGUMENT, message);
    }
}
