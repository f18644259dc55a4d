package dev.strata.core.runtime;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * A container as the runtime reports it ({@code runc state}).
 *
 * @param pid the host PID of the container's init process; 0 once it has stopped
 * @param bundle the bundle the container was created from
 * @param created when the runtime created the container
 */
public record RuntimeState(String id, RuntimeStatus status, int pid, Path bundle, Instant created) {
    public RuntimeState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(bundle, "bundle");
        Objects.requireNonNull(created, "created");
        if (pid < 0) {
            throw new IllegalArgumentException("negative pid " + pid);
        }
    }
}
