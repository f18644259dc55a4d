package dev.strata.core.runtime;

import dev.strata.core.StrataException;

/**
 * An OCI runtime refused or failed an operation. The kind says why in a way callers branch on:
 * {@code NOT_FOUND} (no such container), {@code CONFLICT} (wrong state for the operation), {@code SYSTEM}
 * (the runtime failed); the message quotes the runtime's own words.
 */
public final class OciRuntimeException extends StrataException {
    public OciRuntimeException(Kind kind, String message) {
        super(kind, message);
    }

    public OciRuntimeException(Kind kind, String message, Throwable cause) {
        super(kind, message, cause);
    }
}
