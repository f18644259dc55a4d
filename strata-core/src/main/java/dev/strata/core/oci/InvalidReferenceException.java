package dev.strata.core.oci;

import dev.strata.core.StrataException;

/** An image reference that breaks Docker's grammar. */
public final class InvalidReferenceException extends StrataException {
    public InvalidReferenceException(String message) {
        super(Kind.INVALID_ARGUMENT, message);
    }
}
