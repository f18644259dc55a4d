package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.LONG;

import dev.strata.core.sys.Downcalls.Close;
import dev.strata.core.sys.Downcalls.Fchmod;
import dev.strata.core.sys.Downcalls.Fchown;
import dev.strata.core.sys.Downcalls.Fsetxattr;
import dev.strata.core.sys.Downcalls.Futimens;
import dev.strata.core.sys.Downcalls.Open;
import dev.strata.core.sys.Downcalls.Write;
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
    private static final int O_NOFOLLOW = 0400000;
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
            int fd = (int) Open.HANDLE.invokeExact(errno, Libc.cString(arena, path),
                    O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
            if (fd < 0) {
                throw new ErrnoException("create", path, Libc.errno(errno));
            }
            return new NewFile(arena, errno, path, fd);
        } catch (ErrnoException | RuntimeException | Error e) {
            arena.close();
            throw e;
        } catch (Throwable t) {
            arena.close();
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    /** Appends these bytes, all of them. */
    public void write(byte[] bytes, int offset, int length) throws ErrnoException {
        while (length > 0) {
            int chunk = Math.min(length, MAX_CHUNK);
            if (buffer == null || buffer.byteSize() < chunk) {
                buffer = arena.allocate(Math.max(chunk, Math.min(MAX_CHUNK, 64 * 1024)));
            }
            MemorySegment.copy(bytes, offset, buffer, ValueLayout.JAVA_BYTE, 0, chunk);
            long written = 0;
            while (written < chunk) {
                long n = writeOnce(buffer.asSlice(written), chunk - written);
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
        int result;
        try {
            result = (int) Fchown.HANDLE.invokeExact(errno, fd, uid, gid);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        check(result, "chown");
    }

    /** Sets all 12 mode bits, setuid, setgid and sticky included. */
    public void chmod(int mode) throws ErrnoException {
        int result;
        try {
            result = (int) Fchmod.HANDLE.invokeExact(errno, fd, mode & 07777);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        check(result, "chmod");
    }

    public void setXattr(String name, byte[] value) throws ErrnoException {
        MemorySegment cName = arena.allocateFrom(name, StandardCharsets.UTF_8);
        MemorySegment cValue = Libc.bytes(arena, value);
        int result;
        try {
            result = (int) Fsetxattr.HANDLE.invokeExact(errno, fd, cName, cValue, (long) value.length, 0);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        if (result != 0) {
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
        int result;
        try {
            result = (int) Futimens.HANDLE.invokeExact(errno, fd, times);
        } catch (Throwable t) {
            throw unexpected(t);
        }
        check(result, "set the times of");
    }

    /** Closes the descriptor; the first close reports a failed write-back, later ones do nothing. */
    @Override
    public void close() throws ErrnoException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            int result;
            try {
                result = (int) Close.HANDLE.invokeExact(errno, fd);
            } catch (Throwable t) {
                throw unexpected(t);
            }
            check(result, "close");
        } finally {
            arena.close();
        }
    }

    private void check(int result, String operation) throws ErrnoException {
        if (result != 0) {
            throw new ErrnoException(operation, path, Libc.errno(errno));
        }
    }

    private long writeOnce(MemorySegment from, long count) {
        try {
            return (long) Write.HANDLE.invokeExact(errno, fd, from, count);
        } catch (Throwable t) {
            throw unexpected(t);
        }
    }

    // A downcall cannot throw a checked exception; anything else is a bug in this class.
    private static RuntimeException unexpected(Throwable t) {
        if (t instanceof RuntimeException e) {
            return e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException("unexpected failure of a native call", t);
    }
}
