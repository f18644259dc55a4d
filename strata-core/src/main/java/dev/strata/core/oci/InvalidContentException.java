package dev.strata.core.oci;

import dev.strata.core.StrataException;

/** Content (a manifest, config, archive) that is malformed or does not match what describes it. */
public final class InvalidContentException extends StrataException {
    public InvalidContentException(String message) {
        super(Kind.CORRUPT, message);
    }

    public InvalidContentException(String message, Throwable cause) {
        super(Kind.CORRUPT, message, cause);
    }
}
