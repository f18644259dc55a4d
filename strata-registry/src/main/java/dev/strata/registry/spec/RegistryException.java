package dev.strata.registry.spec;

import dev.strata.core.StrataException;

/**
 * A refused registry operation: the distribution-spec {@link ErrorCode} and HTTP status the client gets, with a
 * message for people. The API turns it into the spec's error JSON.
 */
public final class RegistryException extends StrataException {
    private final ErrorCode code;
    private final int status;

    public RegistryException(ErrorCode code, String message) {
        this(code, code.status(), message);
    }

    public RegistryException(ErrorCode code, int status, String message) {
        super(kindOf(code), message);
        this.code = code;
        this.status = status;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    private static Kind kindOf(ErrorCode code) {
        return switch (code) {
            case BLOB_UNKNOWN, BLOB_UPLOAD_UNKNOWN, MANIFEST_UNKNOWN, NAME_UNKNOWN -> Kind.NOT_FOUND;
            case DIGEST_INVALID, SIZE_INVALID -> Kind.CORRUPT;
            case UNSUPPORTED -> Kind.UNSUPPORTED;
            case TOOMANYREQUESTS -> Kind.SYSTEM;
            default -> Kind.INVALID_ARGUMENT;
        };
    }
}
