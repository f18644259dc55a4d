package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.KILL;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Signals to, and the state of, processes that are not children of this JVM (which {@link ProcessHandle}
 * cannot signal with an arbitrary signal, and reports alive while a zombie). Stateless and thread-safe.
 */
public final class Processes {
    private Processes() {}

    /**
     * Sends signal number {@code signal} to process {@code pid}.
     *
     * @throws ErrnoException {@code ESRCH} when there is no such process, {@code EPERM} when not allowed
     */
    public static void kill(int pid, int signal) throws ErrnoException {
        if (pid <= 0) {
            // kill(0) and kill(-1) signal whole groups, never what a caller holding one PID means
            throw new IllegalArgumentException("not a single process: " + pid);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            if (Syscall.call(errno, KILL, pid, signal) != 0) {
                throw new ErrnoException("send signal " + signal + " to process", String.valueOf(pid), Libc.errno(errno));
            }
        }
    }

    /** True while process {@code pid} exists and has not ended; a zombie waiting to be reaped has ended. */
    public static boolean isRunning(int pid) {
        return stat(pid).map(stat -> stat.state() != 'Z' && stat.state() != 'X').orElse(false);
    }

    /** The state letter, parent and session of a process from {@code /proc/PID/stat}; empty if there is none. */
    public static Optional<ProcessStat> stat(int pid) {
        if (pid <= 0) {
            return Optional.empty();
        }
        String text;
        try {
            text = Files.readString(Path.of("/proc", Integer.toString(pid), "stat"));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            // the process ended between open and read (ESRCH)
            return Optional.empty();
        }
        // the command name (field 2) may hold spaces and parentheses: fields resume after the last ')'
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return Optional.of(new ProcessStat(
                pid, fields[0].charAt(0), Integer.parseInt(fields[1]), Integer.parseInt(fields[3]),
                Long.parseLong(fields[19])));
    }

    /**
     * One process as the kernel describes it.
     *
     * @param state R, S, D, Z (zombie), T, X...
     * @param startTicks start time after boot in clock ticks: with the PID it names one process even after
     *     the PID is reused
     */
    public record ProcessStat(int pid, char state, int parentPid, int sessionId, long startTicks) {}
}
