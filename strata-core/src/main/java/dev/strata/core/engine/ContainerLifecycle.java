package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerLock;
import dev.strata.core.container.ContainerState;
import dev.strata.core.container.HostSettings;
import dev.strata.core.runtime.OciRuntimeException;
import dev.strata.core.runtime.conmon.ConmonFiles;
import dev.strata.core.runtime.network.NetworkMode;
import dev.strata.core.snapshot.overlay.OverlayMount;
import dev.strata.core.sys.Processes;
import dev.strata.core.sys.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What happens to a container after {@code start}: its state read against its monitor's exit file, the clean-up
 * after it ends (runtime state, mounts, network), and {@code stop}, {@code kill}, {@code pause}, {@code rm}.
 */
final class ContainerLifecycle {
    private static final long POLL_MILLIS = 20;

    private final ContainerRuntime rt;

    ContainerLifecycle(ContainerRuntime rt) {
        this.rt = rt;
    }

    /**
     * The container with its state as it really is: a recorded {@code running} whose monitor has written an exit
     * code (or is gone) is {@code exited}. Reads only; the record on disk is brought up to date by {@link #cleanup}.
     */
    Container refresh(Container c) {
        ContainerState s = c.state();
        if (!s.status().isActive()) {
            return c;
        }
        ConmonFiles files = ContainerRuntime.files(c);
        OptionalInt code = rt.conmon.exitCode(files);
        if (code.isPresent()) {
            return c.withState(s.exited(code.getAsInt(), finishedAt(files)));
        }
        if (!rt.conmon.isMonitoring(files)) {
            // the monitor died without a word (machine restarted, killed): Docker's daemon would call it exited
            code = rt.conmon.exitCode(files);
            return c.withState(s.exited(code.orElse(255), finishedAt(files)));
        }
        return c;
    }

    /**
     * Tidies up after a container that has ended: forgets it in runc, stops its slirp4netns, removes its network
     * namespace, unmounts its root filesystem and records the exit. Idempotent; {@code --rm} containers are
     * removed. Returns the container as now recorded, or null if it was removed.
     */
    Container cleanup(String id) {
        Container removed;
        try (ContainerLock lock = ContainerLock.acquire(rt.containers.paths(id))) {
            Container c = rt.containers.read(id).orElse(null);
            if (c == null) {
                return null;
            }
            Container now = refresh(c);
            if (now.state().status().isActive() || now.state().cleanedUp()) {
                return now;
            }
            if (!now.record().host().autoRemove() || restarting(now)) {
                return tidy(now);
            }
            tearDownAndRemove(now);
            removed = now;
        }
        afterRemoval(removed, true);
        return null;
    }

    /** Whether a live process is restarting {@code c} ({@link dev.strata.core.container.ContainerPaths#restarter}). */
    private static boolean restarting(Container c) {
        try {
            return Processes.isRunning(Integer.parseInt(Files.readString(c.paths().restarter()).strip()));
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | NumberFormatException e) {
            return false; // a torn or unreadable note: the restart that wrote it is not to be waited for
        }
    }

    /**
     * With the lock held: tears down an ended {@code --rm} container and removes it, while runc forgets it on another
     * thread (the two take about as long, and neither needs the other). No state is recorded in between: a process
     * killed halfway leaves either the container, still to be tidied, or nothing (runc's own process finishes).
     */
    private void tearDownAndRemove(Container c) {
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        Thread forget = new Thread(() -> {
            try {
                forgetInRuntime(c);
            } catch (RuntimeException e) {
                failed.set(e);
            }
        }, "runc-delete");
        forget.start();
        try {
            releaseHost(c);
            rt.containers.remove(c.id());
        } finally {
            try {
                forget.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (failed.get() != null) {
            throw new StrataException(StrataException.Kind.SYSTEM, "container " + c.record().shortId()
                    + " is removed, but the runtime could not forget it (" + failed.get().getMessage() + "): `"
                    + rt.runc.binary() + " --root " + rt.runc.stateRoot() + " delete --force " + c.id() + "` does",
                    failed.get());
        }
    }

    /**
     * With the container's lock held: tears down what its last run left (it ended, or the process starting it
     * died) and records that. A running container, or one tidy already, is returned as it is.
     */
    Container tidy(Container now) {
        if (now.state().status().isActive() || now.state().cleanedUp()) {
            return now;
        }
        tearDown(now);
        ContainerState done = now.state().cleaned();
        rt.containers.writeState(now.id(), done);
        return now.withState(done);
    }

    private void tearDown(Container c) {
        forgetInRuntime(c);
        releaseHost(c);
    }

    /** Has runc forget an ended container (its state and cgroup); one runc no longer knows is fine. */
    private void forgetInRuntime(Container c) {
        try {
            rt.runc.delete(c.id(), true);
        } catch (OciRuntimeException e) {
            if (e.kind() != StrataException.Kind.NOT_FOUND) {
                throw e;
            }
        }
    }

    /** Stops an ended container's slirp4netns, removes its network namespace and unmounts its root file system. */
    private void releaseHost(Container c) {
        if (c.state().networkPid() > 0) {
            rt.slirp.stop(c.state().networkPid());
        }
        if (NetworkMode.parse(c.record().host().networkMode()) instanceof NetworkMode.Slirp4netns) {
            rt.slirp.stopAll(c.paths().netns()); // one whose start was cut short before its PID was recorded
            deleteSharedApiSocket(c);
        }
        rt.namespaces.remove(c.paths().netns());
        OverlayMount.unmountIfMounted(c.paths().merged());
    }

    /** Deletes the API socket file a stopped slirp4netns left under /run, if the container had one there. */
    static void deleteSharedApiSocket(Container c) {
        try {
            Files.deleteIfExists(ContainerStarter.sharedApiSocket(c));
        } catch (IOException e) {
            // a stale socket file is harmless: the next start of this container binds over it
        }
    }

    /**
     * {@code stop}: the requested signal, else the container's stop signal, else SIGTERM; then SIGKILL after
     * {@code timeout}; waits for the end and cleans up.
     */
    void stop(Container c, Duration timeout, String requested) {
        int requestedNumber = requested == null || requested.isEmpty() ? 0 : signalNumber(requested);
        Container now = refresh(c);
        if (now.state().status().isActive()) {
            String signal = requestedNumber > 0 ? requested : now.record().config().stopSignal();
            int number = signal == null || signal.isEmpty() ? Signals.SIGTERM : signalNumber(signal);
            if (now.state().status() == ContainerState.Status.paused) {
                rt.runc.resume(c.id());
            }
            sendQuietly(c, number);
            if (!awaitExit(c, timeout)) {
                sendQuietly(c, Signals.SIGKILL);
                awaitExit(c, Duration.ofSeconds(30));
            }
        }
        cleanup(c.id());
    }

    /** {@code kill}: sends the signal to a running container's main process. */
    void kill(Container c, String signal) {
        Container now = refresh(c);
        if (!now.state().status().isActive()) {
            throw new StrataException(StrataException.Kind.CONFLICT, "cannot kill container: " + c.name()
                    + ": container " + c.id() + " is not running");
        }
        rt.runc.kill(c.id(), signal == null ? Signals.SIGKILL : signalNumber(signal));
    }

    void pause(Container c) {
        Container now = refresh(c);
        if (now.state().status() != ContainerState.Status.running) {
            throw new StrataException(StrataException.Kind.CONFLICT, now.state().status() == ContainerState.Status.paused
                    ? "Container " + c.id() + " is already paused" : "Container " + c.id() + " is not running");
        }
        rt.runc.pause(c.id());
        rt.containers.writeState(c.id(), now.state().withStatus(ContainerState.Status.paused));
    }

    void unpause(Container c) {
        Container now = refresh(c);
        if (now.state().status() != ContainerState.Status.paused) {
            throw new StrataException(StrataException.Kind.CONFLICT, "Container " + c.id() + " is not paused");
        }
        rt.runc.resume(c.id());
        rt.containers.writeState(c.id(), now.state().withStatus(ContainerState.Status.running));
    }

    /** {@code rm}: refuses a running container unless forced (then kills it); {@code volumes} removes anonymous ones. */
    void remove(Container c, boolean force) {
        remove(c, force, c.record().host().autoRemove());
    }

    void remove(Container c, boolean force, boolean anonymousVolumes) {
        Container now = refresh(c);
        // Another strata process may start the container until the lock is held here: then round again.
        while (true) {
            if (now.state().status().isActive()) {
                if (!force) {
                    throw new StrataException(StrataException.Kind.CONFLICT, "cannot remove container \"/" + c.name()
                            + "\": container is running: stop the container before removing or force remove");
                }
                sendQuietly(c, Signals.SIGKILL);
                if (!awaitExit(c, Duration.ofSeconds(30))) {
                    throw new StrataException(StrataException.Kind.SYSTEM, "cannot remove container " + c.name()
                            + ": it is still running 30 seconds after SIGKILL; try again, or see `strata top "
                            + c.name() + "`");
                }
            }
            cleanup(c.id());
            try (ContainerLock lock = ContainerLock.acquire(c.paths())) {
                Container locked = rt.containers.read(c.id()).map(this::refresh).orElse(null);
                if (locked == null) {
                    break; // removed by another process meanwhile
                }
                if (locked.state().status().isActive()) {
                    now = locked;
                    continue;
                }
                if (!locked.state().cleanedUp()) {
                    tearDown(locked); // it ended after the clean-up above looked
                }
                OverlayMount.unmountIfMounted(c.paths().merged());
                rt.containers.remove(c.id());
                break;
            } catch (StrataException e) {
                if (e.kind() != StrataException.Kind.NOT_FOUND) {
                    throw e;
                }
                break;
            }
        }
        afterRemoval(c, anonymousVolumes);
    }

    /** Once a removed container's lock is released: what is left of its directory, and its anonymous volumes. */
    private void afterRemoval(Container c, boolean anonymousVolumes) {
        rt.containers.finishRemoval(c.id());
        if (!anonymousVolumes) {
            return;
        }
        for (HostSettings.ContainerMount m : c.record().host().mounts()) {
            if (m.anonymous()) {
                rt.volumes.remove(m.name(), true);
            }
        }
    }

    /** {@code wait}: blocks until the container ends; returns its exit code. */
    int await(Container c) throws InterruptedException {
        while (true) {
            Container now = refresh(rt.containers.read(c.id()).orElse(c));
            if (!now.state().status().isActive() && now.state().status() != ContainerState.Status.created) {
                return now.state().exitCode();
            }
            if (now.state().status() == ContainerState.Status.created && rt.containers.read(c.id()).isEmpty()) {
                return now.state().exitCode();
            }
            // a start that failed ends the wait with its code (127, 126...), as Docker's does: nothing else will
            if (now.state().status() == ContainerState.Status.created && now.state().error() != null
                    && !now.state().error().isEmpty()) {
                return now.state().exitCode();
            }
            Thread.sleep(POLL_MILLIS * 5);
        }
    }

    private boolean awaitExit(Container c, Duration timeout) {
        Instant deadline = rt.clock.instant().plus(timeout);
        ConmonFiles files = ContainerRuntime.files(c);
        while (rt.clock.instant().isBefore(deadline)) {
            if (rt.conmon.exitCode(files).isPresent() || !rt.conmon.isMonitoring(files)) {
                return true;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void sendQuietly(Container c, int signal) {
        try {
            rt.runc.kill(c.id(), signal);
        } catch (OciRuntimeException e) {
            // it ended meanwhile
        }
    }

    static int signalNumber(String signal) {
        return Signals.number(signal).orElseThrow(() -> new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                "Invalid signal: " + signal));
    }

    private static String finishedAt(ConmonFiles files) {
        try {
            return Times.format(Files.getLastModifiedTime(files.exitFile()).toInstant());
        } catch (NoSuchFileException e) {
            return Times.format(Instant.now());
        } catch (IOException e) {
            return ContainerState.NEVER;
        }
    }
}
