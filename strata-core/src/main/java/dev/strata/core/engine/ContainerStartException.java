package dev.strata.core.engine;

import dev.strata.core.StrataException;

/**
 * A container that could not be started, with the exit code Docker gives {@code run} for it: 127 when the command
 * was not found, 126 when it could not be run, 125 otherwise.
 */
public final class ContainerStartException extends StrataException {
    private final int exitCode;

    ContainerStartException(int exitCode, String message, Throwable cause) {
        super(cause instanceof StrataException s ? s.kind() : Kind.SYSTEM, message, cause);
        this.exitCode = exitCode;
    }

    /** 125, 126 or 127. */
    public int exitCode() {
        return exitCode == 126 || exitCode == 127 ? exitCode : 125;
    }

    /** The code recorded in the container's state (128 for a failure of the runtime itself, as Docker records). */
    public int stateExitCode() {
        return exitCode;
    }
}
