package dev.strata.core;

/**
 * The one exception type Strata's core throws at its boundary. Its {@link Kind} lets callers (and the
 * CLI's exit codes) branch on what went wrong without reading the message, which is written for the
 * user: "cannot ACTION: REASON", with a hint where one helps.
 */
public class StrataException extends RuntimeException {
    /** What category of failure this is. */
    public enum Kind {
        /** The thing named does not exist (image, blob, reference). */
        NOT_FOUND,
        /** The thing being created already exists in a conflicting form. */
        CONFLICT,
        /** The user's input is malformed (reference, digest, flag value). */
        INVALID_ARGUMENT,
        /** Data read from outside (archive, blob, manifest) is corrupt or lies about itself. */
        CORRUPT,
        /** The operation is refused because something still uses the target. */
        IN_USE,
        /** A resource of the machine failed: disk full, I/O error, missing tool. */
        SYSTEM,
        /** Not implemented yet. */
        UNSUPPORTED
    }

    private final Kind kind;

    public StrataException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public StrataException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
