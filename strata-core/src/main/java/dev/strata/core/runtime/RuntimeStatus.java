package dev.strata.core.runtime;

/** The states a container has in runc: the runtime spec's four, plus runc's transitional and paused ones. */
public enum RuntimeStatus {
    CREATING,
    CREATED,
    RUNNING,
    PAUSING,
    PAUSED,
    STOPPED;

    /** The status from the runtime's {@code state} output, such as {@code running}. */
    public static RuntimeStatus parse(String status) {
        for (RuntimeStatus candidate : values()) {
            if (candidate.name().equalsIgnoreCase(status)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown container status " + status);
    }

    /** Whether processes of the container exist (running or frozen), so that it can be killed. */
    public boolean isAlive() {
        return this == RUNNING || this == PAUSING || this == PAUSED;
    }
}
