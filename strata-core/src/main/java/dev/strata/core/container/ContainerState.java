package dev.strata.core.container;

/**
 * What has happened to a container since {@code create}, as last recorded: replaced whole (by rename) at every
 * transition. A recorded {@code running} may be stale (the container ended while no strata process watched);
 * the store reconciles it with the monitor's exit file when it reads it.
 */
public record ContainerState(Status status, int pid, int monitorPid, int networkPid, int exitCode, String error,
        String startedAt, String finishedAt, int restartCount, boolean cleanedUp,
        java.util.List<HostSettings.PublishedPort> ports) {

    public ContainerState {
        ports = ports == null ? java.util.List.of() : java.util.List.copyOf(ports);
    }

    /** Docker's container states, in its words. */
    public enum Status {
        created, running, paused, restarting, removing, exited, dead;

        public boolean isActive() {
            return this == running || this == paused || this == restarting;
        }
    }

    /** Go's zero time, which Docker prints for "never". */
    public static final String NEVER = "0001-01-01T00:00:00Z";

    public static ContainerState created() {
        return new ContainerState(Status.created, 0, 0, 0, 0, "", NEVER, NEVER, 0, true, null);
    }

    /** Started: {@code ports} are the forwards as set up (ephemeral host ports filled in). */
    public ContainerState running(int pid, int monitorPid, int networkPid, String startedAt,
            java.util.List<HostSettings.PublishedPort> published) {
        return new ContainerState(Status.running, pid, monitorPid, networkPid, 0, "", startedAt, finishedAt, restartCount,
                false, published);
    }

    /**
     * A start under way: nothing recorded as running yet, but what it sets up needs tearing down if the starting
     * process dies before it records the outcome.
     */
    public ContainerState starting() {
        return new ContainerState(status, pid, monitorPid, networkPid, exitCode, error, startedAt, finishedAt,
                restartCount, false, ports);
    }

    public ContainerState withStatus(Status newStatus) {
        return new ContainerState(newStatus, pid, monitorPid, networkPid, exitCode, error, startedAt, finishedAt,
                restartCount, cleanedUp, ports);
    }

    public ContainerState exited(int code, String finished) {
        return new ContainerState(Status.exited, 0, monitorPid, networkPid, code, error, startedAt, finished,
                restartCount, cleanedUp, ports);
    }

    /** A start that failed leaves the container created, with Docker's exit code for the failure and its message. */
    public ContainerState failed(int code, String message) {
        return new ContainerState(Status.created, 0, 0, 0, code, message, startedAt, finishedAt, restartCount, true,
                null);
    }

    public ContainerState cleaned() {
        return new ContainerState(status, pid, 0, 0, exitCode, error, startedAt, finishedAt, restartCount, true, ports);
    }
}
