package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.LONG;
import static dev.strata.core.sys.SystemCall.CLOSE;
import static dev.strata.core.sys.SystemCall.FCHMOD;
import static dev.strata.core.sys.SystemCall.FCHOWN;
import static dev.strata.core.sys.SystemCall.FSETXATTR;
import static dev.strata.core.sys.SystemCall.OPENAT;
import static dev.strata.core.sys.SystemCall.UTIMENSAT;
import static dev.strata.core.sys.SystemCall.WRITE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A regular file this process has just created and still holds open: content and attributes go through
 * the descriptor, so the kernel resolves the path once instead of once per call, and no call can be
 * redirected by a symbolic link put in its place. Owned by the thread that created it; not thread-safe.
 */
public final class NewFile implements AutoCloseable {
    private static final int O_WRONLY = 01;
    private static final int O_CREAT = 0100;
    private static final int O_EXCL = 0200;
    private static final int O_CLOEXEC = 02000000;
    private static final int MAX_CHUNK = 1 << 20;

    private final Arena arena;
    private final MemorySegment errno;
    private final Path path;
    private final int fd;
    private MemorySegment buffer;
    private boolean closed;

    private NewFile(Arena arena, MemorySegment errno, Path path, int fd) {
        this.arena = arena;
        this.errno = errno;
        this.path = path;
        this.fd = fd;
    }

    /** Creates the file with mode 0600, failing with {@code EEXIST} if anything (a link included) is there. */
    public static NewFile create(Path path) throws ErrnoException {
        Arena arena = Arena.ofConfined();
        try {
            MemorySegment errno = Libc.errnoSegment(arena);
            int fd = (int) Syscall.call(errno, OPENAT, Libc.AT_FDCWD, Libc.cString(arena, path).address(),
                    O_WRONLY | O_CREAT | O_EXCL | Libc.O_NOFOLLOW | O_CLOEXEC, 0600);
            if (fd < 0) {
                throw new ErrnoException("create", path, Libc.errno(errno));
            }
            return new NewFile(arena, errno, path, fd);
        } catch (ErrnoException | RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    /** Appends these bytes, all of them. */
    public void write(byte[] bytes, int offset, int length) throws ErrnoException {
        while (length > 0) {
            int chunk = Math.min(length, MAX_CHUNK);
            if (buffer == null || buffer.byteSize() < chunk) {
                // A small file's content fits exactly (arena memory is zeroed, so 64 KiB per file would cost);
                // a streamed file's buffer grows to its chunk size.
                buffer = arena.allocate(buffer == null ? chunk : Math.max(chunk, Math.min(MAX_CHUNK, 2 * buffer.byteSize())));
            }
            MemorySegment.copy(bytes, offset, buffer, ValueLayout.JAVA_BYTE, 0, chunk);
            long written = 0;
            while (written < chunk) {
                long n = Syscall.call(errno, WRITE, fd, buffer.address() + written, chunk - written);
                if (n < 0) {
                    throw new ErrnoException("write", path, Libc.errno(errno));
                }
                written += n;
            }
            offset += chunk;
            length -= chunk;
        }
    }

    public void chown(int uid, int gid) throws ErrnoException {
        check(Syscall.call(errno, FCHOWN, fd, uid, gid), "chown");
    }

    /** Sets all 12 mode bits, setuid, setgid and sticky included. */
    public void chmod(int mode) throws ErrnoException {
        check(Syscall.call(errno, FCHMOD, fd, mode & 07777), "chmod");
    }

    public void setXattr(String name, byte[] value) throws ErrnoException {
        MemorySegment cName = arena.allocateFrom(name, StandardCharsets.UTF_8);
        MemorySegment cValue = Libc.bytes(arena, value);
        if (Syscall.call(errno, FSETXATTR, fd, cName.address(), cValue.address(), value.length, 0) != 0) {
            throw new ErrnoException("set extended attribute " + name + " on", path, Libc.errno(errno));
        }
    }

    /** Sets access and modification time. */
    public void setTimes(long seconds, int nanos) throws ErrnoException {
        MemorySegment times = arena.allocate(LONG, 4);
        times.setAtIndex(LONG, 0, seconds);
        times.setAtIndex(LONG, 1, nanos);
        times.setAtIndex(LONG, 2, seconds);
        times.setAtIndex(LONG, 3, nanos);
        // futimens(3) is utimensat(2) on the descriptor itself, with no path
        check(Syscall.call(errno, UTIMENSAT, fd, MemorySegment.NULL.address(), times.address(), 0),
                "set the times of");
    }

    /** Closes the descriptor; the first close reports a failed write-back, later ones do nothing. */
    @Override
    public void close() throws ErrnoException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            check(Syscall.call(errno, CLOSE, fd), "close");
        } finally {
            arena.close();
        }
    }

    private void check(long result, String operation) throws ErrnoException {
        if (result != 0) {
            throw new ErrnoException(operation, path, Libc.errno(errno));
        }
    }
}
