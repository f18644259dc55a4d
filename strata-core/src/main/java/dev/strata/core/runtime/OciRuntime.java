package dev.strata.core.runtime;

import java.util.List;
import java.util.Optional;

/**
 * A low-level OCI runtime (runc's command line): lifecycle operations on containers that already exist in
 * it. Creating one is the monitor's job, since whoever creates it holds its stdio. Implementations are
 * stateless between calls and thread-safe; every method throws {@link OciRuntimeException}, whose kind is
 * {@code NOT_FOUND} for an ID the runtime does not know and {@code CONFLICT} for a container in the wrong
 * state (starting a stopped one, killing one that is not running).
 */
public interface OciRuntime {
    /** The runtime's view of container {@code id}; empty if the runtime does not know it. */
    Optional<RuntimeState> state(String id);

    /** Runs the user's process of a {@code created} container. */
    void start(String id);

    /** Sends signal number {@code signal} to the container's init process. */
    void kill(String id, int signal);

    /** Forgets a stopped container; with {@code force}, kills a running one first. */
    void delete(String id, boolean force);

    /** Freezes every process of a running container. */
    void pause(String id);

    /** Thaws a paused container. */
    void resume(String id);

    /** The host PIDs of the container's processes; empty once it has stopped. */
    List<Integer> processes(String id);
}
