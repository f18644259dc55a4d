package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import java.util.Locale;

/**
 * An error a registry answered with: the HTTP status and the distribution spec's error code ({@code MANIFEST_UNKNOWN},
 * {@code UNAUTHORIZED}, {@code DENIED} …; empty when the body had none). Callers branch on {@link #code()}; the
 * message is Docker's wording.
 */
public final class RegistryException extends StrataException {
    private final int status;
    private final String code;

    public RegistryException(int status, String code, String message) {
        super(kindOf(status, code), message);
        this.status = status;
        this.code = code == null ? "" : code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public boolean isAuthFailure() {
        return status == 401 || status == 403 || code.equals("UNAUTHORIZED") || code.equals("DENIED");
    }

    /** Docker's text for an error code: {@code MANIFEST_UNKNOWN} is "manifest unknown". */
    public static String describe(String code) {
        return code.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static Kind kindOf(int status, String code) {
        if (status == 404 || (code != null && code.endsWith("_UNKNOWN"))) {
            return Kind.NOT_FOUND;
        }
        if (status == 401 || status == 403 || status == 400 || status == 405) {
            return Kind.INVALID_ARGUMENT;
        }
        return Kind.SYSTEM;
    }
}
