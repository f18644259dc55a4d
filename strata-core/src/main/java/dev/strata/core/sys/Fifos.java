package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.OPENAT;
import static dev.strata.core.sys.SystemCall.WRITE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * Writes to named pipes (FIFOs) without the hang java.nio would risk: opening a FIFO for writing blocks until
 * some process opens it for reading, which never happens once that process is gone. Stateless and thread-safe.
 */
public final class Fifos {
    private static final int O_WRONLY = 1;
    private static final int O_NONBLOCK = 0x800;
    private static final int O_CLOEXEC = 0x80000;

    /** Writes of at most this many bytes to a pipe are atomic: readers never see them interleaved. */
    public static final int PIPE_BUF = 4096;

    private Fifos() {}

    /**
     * Writes {@code message} (at most {@link #PIPE_BUF} bytes, so in one piece) to the FIFO at {@code fifo}.
     *
     * @throws ErrnoException {@code ENXIO} when no process has the FIFO open for reading, {@code EAGAIN} when
     *     the pipe is full, {@code ENOENT} when there is no such FIFO
     */
    public static void write(Path fifo, byte[] message) throws ErrnoException {
        if (message.length > PIPE_BUF) {
            throw new IllegalArgumentException("a FIFO message of " + message.length + " bytes would not be atomic");
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int fd = (int) Syscall.call(errno, OPENAT, Libc.AT_FDCWD, Libc.cString(arena, fifo).address(),
                    O_WRONLY | O_NONBLOCK | O_CLOEXEC, 0);
            if (fd < 0) {
                throw new ErrnoException("open FIFO", fifo, Libc.errno(errno));
            }
            try {
                MemorySegment bytes = Libc.bytes(arena, message);
                long written;
                do {
                    written = Syscall.call(errno, WRITE, fd, bytes.address(), message.length);
                } while (written < 0 && Libc.errno(errno) == ErrnoException.EINTR);
                if (written < 0) {
                    throw new ErrnoException("write to FIFO", fifo, Libc.errno(errno));
                }
            } finally {
                Descriptors.closeQuietly(fd);
            }
        }
    }
}
