package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.READ;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * The read end of a pipe from a spawned process, read with {@code read(2)}; closing it closes the descriptor.
 * One reader at a time.
 */
final class PipeInputStream extends InputStream {
    private static final int BUFFER = 16 * 1024;

    private final MemorySegment buffer;
    private final MemorySegment errno;
    private int fd;
    private boolean ended;

    PipeInputStream(int fd) {
        this.fd = fd;
        Arena arena = Arena.ofAuto(); // freed with the stream, however its reader leaves it
        this.buffer = arena.allocate(BUFFER);
        this.errno = Libc.errnoSegment(arena);
    }

    /** The descriptor, or -1 once closed. */
    int fd() {
        return fd;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) == 1 ? Byte.toUnsignedInt(one[0]) : -1;
    }

    @Override
    public int read(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length == 0) {
            return 0;
        }
        if (fd < 0) {
            throw new IOException("Stream closed");
        }
        if (ended) {
            return -1;
        }
        long count = readOnce(Math.min(length, BUFFER));
        if (count == 0) {
            ended = true;
            return -1;
        }
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, bytes, offset, (int) count);
        return (int) count;
    }

    /**
     * One {@code read(2)} of at most {@code length} bytes into the native buffer, retried when a signal interrupts
     * it; blocks only when the pipe is empty and still has a writer. The count, 0 at the end.
     */
    long readOnce(int length) throws IOException {
        while (true) {
            long count = Syscall.call(errno, READ, fd, buffer.address(), length);
            if (count >= 0) {
                return count;
            }
            int error = Libc.errno(errno);
            if (error != ErrnoException.EINTR) {
                throw new ErrnoException("read from the pipe of", "a spawned process", error);
            }
        }
    }

    /** The bytes of the last {@link #readOnce}. */
    void copyTo(java.io.ByteArrayOutputStream out, int count) {
        byte[] bytes = new byte[count];
        MemorySegment.copy(buffer, ValueLayout.JAVA_BYTE, 0, bytes, 0, count);
        out.write(bytes, 0, count);
    }

    @Override
    public void close() {
        if (fd >= 0) {
            Descriptors.closeQuietly(fd);
            fd = -1;
        }
    }
}
