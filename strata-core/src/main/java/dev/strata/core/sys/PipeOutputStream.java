package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.WRITE;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Objects;

/**
 * The write end of a pipe to a spawned process's stdin, written with {@code write(2)}; closing it closes the
 * descriptor, and the child reads end of file. One writer at a time.
 */
final class PipeOutputStream extends OutputStream {
    private static final int BUFFER = 16 * 1024;

    private final MemorySegment buffer;
    private final MemorySegment errno;
    private int fd;

    PipeOutputStream(int fd) {
        this.fd = fd;
        Arena arena = Arena.ofAuto();
        this.buffer = arena.allocate(BUFFER);
        this.errno = Libc.errnoSegment(arena);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        if (fd < 0) {
            throw new IOException("Stream closed");
        }
        int done = 0;
        while (done < length) {
            int chunk = Math.min(length - done, BUFFER);
            MemorySegment.copy(bytes, offset + done, buffer, ValueLayout.JAVA_BYTE, 0, chunk);
            int written = 0;
            while (written < chunk) {
                long count = Syscall.call(errno, WRITE, fd, buffer.address() + written, chunk - written);
                if (count >= 0) {
                    written += (int) count;
                } else if (Libc.errno(errno) != ErrnoException.EINTR) {
                    // EPIPE when the child has closed its stdin or ended: the JVM ignores SIGPIPE
                    throw new ErrnoException("write to the stdin of", "a spawned process", Libc.errno(errno));
                }
            }
            done += chunk;
        }
    }

    @Override
    public void close() {
        if (fd >= 0) {
            Descriptors.closeQuietly(fd);
            fd = -1;
        }
    }
}
