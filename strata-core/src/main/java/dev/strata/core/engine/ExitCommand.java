package dev.strata.core.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command a container's monitor runs when the container ends, when a process attached to the container will
 * clean up after it itself ({@code run} without {@code -d}, {@code start -a}): a small shell loop that waits while
 * that process is alive and its waiter file exists, and runs the real clean-up only if the process died before it
 * was done (the file is still there). So the usual attached {@code run} costs no second JVM, and a killed one is
 * still cleaned up. The loop runs in the background and the command itself returns at once: the monitor waits for
 * its exit command, and a monitor that could not record the exit code (a full disk) must still end, or the attached
 * process, which waits for the code or for the monitor's end, and the loop, which waits for that process, would wait
 * for each other for ever. The loop works from {@code /}: the monitor's directory is the container's, and a process
 * whose directory is in the store would keep the store's file system busy (it could not be unmounted). Stateless.
 */
final class ExitCommand {
    /** {@code $1} the waiter file, {@code $2} the waiter's PID, then the clean-up command line. */
    static final String SCRIPT = "PATH=${PATH:-/usr/sbin:/usr/bin:/sbin:/bin}; ( cd / || exit 1; "
            + "while [ -e \"$1\" ] && kill -0 \"$2\" 2>/dev/null; do sleep 0.05; done; "
            + "[ -e \"$1\" ] || exit 0; shift 2; exec \"$@\" ) </dev/null >/dev/null 2>&1 &";

    private ExitCommand() {}

    /**
     * {@code cleanup} wrapped so that it runs only if the process {@code waiterPid} ends, or has ended, without
     * deleting {@code waiterFile}.
     */
    static List<String> unlessWaiterCleansUp(Path waiterFile, long waiterPid, List<String> cleanup) {
        if (cleanup.isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", SCRIPT, "strata-exit",
                waiterFile.toAbsolutePath().toString(), Long.toString(waiterPid)));
        command.addAll(cleanup);
        return List.copyOf(command);
    }
}
