package dev.strata.registry.auth.jose;

/**
 * A token that cannot be trusted: malformed, signed by an unknown key, badly signed, for another audience or issuer,
 * expired or not yet valid. Its message says which, for logs and the {@code error_description}; registries answer
 * it with {@code error="invalid_token"}.
 */
public final class InvalidTokenException extends RuntimeException {
    public InvalidTokenException(String message) {
        super(message);
    }

    public InvalidTokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
