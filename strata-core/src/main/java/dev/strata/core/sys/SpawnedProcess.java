package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.PPOLL;
import static dev.strata.core.sys.SystemCall.WAIT4;
import static dev.strata.core.sys.SystemCall.WAITID;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * A process {@link Spawn} started: its PID, the parent's ends of its pipes, and its exit code once reaped. Close it
 * when done: that closes the pipes and reaps the child, killing it first if it still runs, so that no zombie is
 * left however the caller leaves. Waiting and destroying are thread-safe; each stream has one reader or writer.
 */
public final class SpawnedProcess implements AutoCloseable {
    private static final int P_PID = 1;
    private static final int WEXITED = 4;
    private static final int WNOWAIT = 0x01000000;
    private static final long SIGINFO_SIZE = 128;
    private static final short POLLIN = 0x1;
    private static final long POLLFD_SIZE = 8;

    private final int pid;
    /** Index: the child's descriptor; null where the child's descriptor is not a pipe of its own. */
    private final PipeInputStream[] outputs;
    private final Object lock = new Object();
    /** Guarded by {@link #lock}: the exit code once reaped, -1 before; a reaped PID is never signalled. */
    private int exitCode = -1;

    SpawnedProcess(int pid, int[] readEnds) {
        this.pid = pid;
        this.outputs = new PipeInputStream[readEnds.length];
        for (int fd = 0; fd < readEnds.length; fd++) {
            outputs[fd] = readEnds[fd] >= 0 ? new PipeInputStream(readEnds[fd]) : null;
        }
    }

    public int pid() {
        return pid;
    }

    public InputStream stdout() {
        return output(1);
    }

    public InputStream stderr() {
        return output(2);
    }

    /** What the child writes to its descriptor {@code fd}, which the request gave a pipe of its own. */
    public InputStream output(int fd) {
        if (fd < 0 || fd >= outputs.length || outputs[fd] == null) {
            throw new IllegalStateException("descriptor " + fd + " of process " + pid + " is not a pipe of its own");
        }
        return outputs[fd];
    }

    /**
     * Reads stdout and stderr to their ends, both at once on this thread ({@code ppoll(2)}), so that a full pipe on
     * either side never stalls the child; a side that is not a pipe of its own reads as empty.
     */
    public Outputs readStdoutAndStderr() throws IOException {
        PipeInputStream[] streams = {pipe(1), pipe(2)};
        ByteArrayOutputStream[] read = {new ByteArrayOutputStream(), new ByteArrayOutputStream()};
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment polled = arena.allocate(POLLFD_SIZE * 2, 8);
            int open = 0;
            for (int i = 0; i < 2; i++) {
                boolean reading = streams[i] != null && streams[i].fd() >= 0;
                open += reading ? 1 : 0;
                // a negative descriptor is skipped by poll: the side that has ended, or was never a pipe
                polled.set(ValueLayout.JAVA_INT, POLLFD_SIZE * i, reading ? streams[i].fd() : -1);
                polled.set(ValueLayout.JAVA_SHORT, POLLFD_SIZE * i + 4, POLLIN);
            }
            while (open > 0) {
                if (Syscall.call(errno, PPOLL, polled.address(), 2, 0, 0, 8) < 0) {
                    if (Libc.errno(errno) == ErrnoException.EINTR) {
                        continue;
                    }
                    throw new ErrnoException("poll the output of process", String.valueOf(pid), Libc.errno(errno));
                }
                for (int i = 0; i < 2; i++) {
                    // POLLIN, or POLLHUP/POLLERR at the end: either way one read does not block
                    if (polled.get(ValueLayout.JAVA_SHORT, POLLFD_SIZE * i + 6) == 0) {
                        continue;
                    }
                    long count = streams[i].readOnce(16 * 1024);
                    if (count > 0) {
                        streams[i].copyTo(read[i], (int) count);
                    } else {
                        polled.set(ValueLayout.JAVA_INT, POLLFD_SIZE * i, -1);
                        polled.set(ValueLayout.JAVA_SHORT, POLLFD_SIZE * i + 6, (short) 0);
                        open--;
                    }
                }
            }
        }
        return new Outputs(read[0].toByteArray(), read[1].toByteArray());
    }

    /**
     * Waits for the child to end and reaps it; its exit code, or 128 + the signal's number when a signal ended it
     * (as {@link Process#waitFor} reports it). Returns at once once reaped.
     */
    public int waitFor() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment info = arena.allocate(SIGINFO_SIZE, 8);
            while (true) {
                synchronized (lock) {
                    if (exitCode >= 0) {
                        return exitCode;
                    }
                }
                // wait without reaping, outside the lock, so that destroy can still signal the PID meanwhile
                if (Syscall.call(errno, WAITID, P_PID, pid, info.address(), WEXITED | WNOWAIT, 0) == 0) {
                    synchronized (lock) {
                        return reap(arena, errno);
                    }
                }
                if (Libc.errno(errno) != ErrnoException.EINTR) {
                    throw new IllegalStateException(new ErrnoException("wait for process", String.valueOf(pid),
                            Libc.errno(errno)).getMessage());
                }
            }
        }
    }

    /** Kills the child ({@code SIGKILL}) unless it has been reaped, and waits for it to end. */
    public void destroy() {
        synchronized (lock) {
            if (exitCode < 0) {
                try {
                    Processes.kill(pid, Signals.SIGKILL);
                } catch (ErrnoException e) {
                    // ESRCH: it has ended and waits to be reaped
                }
            }
        }
        waitFor();
    }

    /** Closes this side's pipes and reaps the child, killing it first if it still runs. */
    @Override
    public void close() {
        for (PipeInputStream output : outputs) {
            if (output != null) {
                output.close();
            }
        }
        destroy();
    }

    private PipeInputStream pipe(int fd) {
        return fd < outputs.length ? outputs[fd] : null;
    }

    /** Under the lock, once the child is known to have ended: the reaping wait returns at once. */
    private int reap(Arena arena, MemorySegment errno) {
        if (exitCode >= 0) {
            return exitCode; // another thread got here first
        }
        MemorySegment status = arena.allocate(ValueLayout.JAVA_INT);
        long reaped;
        do {
            reaped = Syscall.call(errno, WAIT4, pid, status.address(), 0, 0);
        } while (reaped < 0 && Libc.errno(errno) == ErrnoException.EINTR);
        if (reaped != pid) {
            throw new IllegalStateException(new ErrnoException("reap process", String.valueOf(pid),
                    Libc.errno(errno)).getMessage());
        }
        int word = status.get(ValueLayout.JAVA_INT, 0);
        int signal = word & 0x7f;
        exitCode = signal == 0 ? (word >> 8) & 0xff : 128 + signal;
        return exitCode;
    }

    /** What a child wrote to its stdout and its stderr. */
    public record Outputs(byte[] stdout, byte[] stderr) {}
}
