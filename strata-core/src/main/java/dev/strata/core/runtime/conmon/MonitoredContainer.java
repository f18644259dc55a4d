package dev.strata.core.runtime.conmon;

import java.util.Objects;

/**
 * A container that {@link Conmon#create} created and a conmon process monitors.
 *
 * @param conmonPid the monitor's PID (not a child of this JVM: conmon detaches itself)
 * @param pid the host PID of the container's init process
 */
public record MonitoredContainer(String id, ConmonFiles files, int conmonPid, int pid) {
    public MonitoredContainer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(files, "files");
        if (conmonPid <= 0 || pid <= 0) {
            throw new IllegalArgumentException("invalid PIDs conmon " + conmonPid + ", container " + pid);
        }
    }
}
