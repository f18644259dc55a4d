package dev.strata.core.runtime;

import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.Processes;
import dev.strata.core.sys.Signals;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The containers and monitor processes one test made, removed at its end whatever happened: every container
 * is force-deleted from runc, every recorded monitor killed by its PID if it still runs.
 */
public final class RuntimeSandbox implements AutoCloseable {
    private final Runc runc;
    private final List<String> ids = new ArrayList<>();
    private final List<Integer> monitors = new ArrayList<>();

    public RuntimeSandbox(Path stateRoot) {
        this.runc = new Runc(BusyboxBundles.RUNC, stateRoot);
    }

    public Runc runc() {
        return runc;
    }

    /** Records an ID for cleanup before anything creates the container. */
    public String track(String id) {
        ids.add(id);
        return id;
    }

    public void trackMonitor(int pid) {
        monitors.add(pid);
    }

    /** Waits (bounded only by the test's own patience) for the container to reach {@code status}. */
    public RuntimeState awaitStatus(String id, RuntimeStatus status) throws InterruptedException {
        for (int attempt = 0; attempt < 3000; attempt++) {
            RuntimeState state = runc.state(id).orElseThrow();
            if (state.status() == status) {
                return state;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("container " + id + " never became " + status);
    }

    /** Waits for a file to appear; false if it did not in a generous while. */
    public static boolean awaitFile(Path file, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        List<String> failures = new ArrayList<>();
        for (String id : ids) {
            CommandResult result = CommandResult.run(List.of(
                    runc.binary().toString(), "--root", runc.stateRoot().toString(), "delete", "--force", id));
            if (result.exitCode() != 0 && !RuncErrors.text(result.stderr()).contains("does not exist")) {
                failures.add(id + ": " + result.stderr().strip());
            }
        }
        for (int pid : monitors) {
            if (Processes.isRunning(pid)) {
                try {
                    Processes.kill(pid, Signals.SIGKILL);
                } catch (ErrnoException e) {
                    if (e.errno() != ErrnoException.ESRCH) {
                        failures.add("conmon " + pid + ": " + e.getMessage());
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("cleanup failed: " + failures);
        }
    }

    /** Waits a bounded while for a process to end; for monitors that end shortly after their container. */
    public static boolean awaitEnd(int pid) throws InterruptedException {
        for (int attempt = 0; attempt < 3000 && Processes.isRunning(pid); attempt++) {
            Thread.sleep(10);
        }
        return !Processes.isRunning(pid);
    }
}
