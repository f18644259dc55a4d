package dev.strata.core.image.dockerarchive;

import dev.strata.core.StrataException;

/** The errors of loading an archive, all "cannot load archive: …". */
final class LoadFailure {
    static final String ACTION = "load archive";

    private LoadFailure() {}

    /** The archive is malformed or lies about itself. */
    static StrataException corrupt(String reason) {
        return new StrataException(StrataException.Kind.CORRUPT, "cannot " + ACTION + ": " + reason);
    }

    static StrataException corrupt(String reason, Throwable cause) {
        return new StrataException(StrataException.Kind.CORRUPT, "cannot " + ACTION + ": " + reason, cause);
    }

    /** Reading the input or writing the staged files failed. */
    static StrataException system(String reason, Throwable cause) {
        return new StrataException(StrataException.Kind.SYSTEM, "cannot " + ACTION + ": " + reason, cause);
    }
}
