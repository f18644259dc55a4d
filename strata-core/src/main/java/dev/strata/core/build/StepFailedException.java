package dev.strata.core.build;

import dev.strata.core.StrataException;

/**
 * A RUN step's command ended with a non-zero code. Its message is Docker's, whole:
 * {@code The command '/bin/sh -c false' returned a non-zero code: 1}; the images of the steps before it stay in the
 * store, to run and debug.
 */
public final class StepFailedException extends StrataException {
    public StepFailedException(String command, int exitCode) {
        super(Kind.INVALID_ARGUMENT, "The command '" + command + "' returned a non-zero code: " + exitCode);
    }
}
