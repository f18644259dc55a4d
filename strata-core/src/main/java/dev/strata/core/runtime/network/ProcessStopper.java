package dev.strata.core.runtime.network;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Stops a helper process that Strata started but may no longer be the parent of, by its PID: SIGTERM, a wait,
 * SIGKILL. The PID is checked against the expected process name first, so that a number reused by an unrelated
 * process after the helper died is never signalled. Stateless and thread-safe.
 */
final class ProcessStopper {
    private final Duration grace;

    ProcessStopper(Duration grace) {
        this.grace = grace;
    }

    /** Whether a process named {@code name} was running as {@code pid} and has been stopped. */
    boolean stop(int pid, String name) {
        if (pid <= 0) {
            throw new IllegalArgumentException("pid must be positive: " + pid);
        }
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !running(pid) || !name.equals(comm(pid))) {
            return false;
        }
        handle.get().destroy();
        if (awaitGone(pid)) {
            return true;
        }
        handle.get().destroyForcibly();
        if (!awaitGone(pid)) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot stop " + name + " (pid " + pid + "): it survived SIGKILL for " + grace.toMillis() + " ms");
        }
        return true;
    }

    /**
     * Waits until the process is gone or a zombie: a zombie has exited already, and reaping it is its parent's
     * business (Strata's own process if it started it, else init).
     */
    private boolean awaitGone(int pid) {
        long deadline = System.nanoTime() + grace.toNanos();
        long pause = 1;
        while (running(pid)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StrataException(StrataException.Kind.SYSTEM,
                        "cannot stop process " + pid + ": interrupted while waiting for it to exit", e);
            }
            pause = Math.min(pause * 2, 50);
        }
        return true;
    }

    /** Whether {@code /proc/PID/stat} shows a live process (not a zombie or dead one). */
    static boolean running(int pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
            char state = stat.charAt(stat.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException | IndexOutOfBoundsException e) {
            return false;
        }
    }

    private static String comm(int pid) {
        try {
            return Files.readString(Path.of("/proc", Integer.toString(pid), "comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }
}
