package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.AT_FDCWD;
import static dev.strata.core.sys.Libc.AT_SYMLINK_NOFOLLOW;
import static dev.strata.core.sys.SystemCall.CLOSE;
import static dev.strata.core.sys.SystemCall.LLISTXATTR;
import static dev.strata.core.sys.SystemCall.OPENAT;
import static dev.strata.core.sys.SystemCall.READ;
import static dev.strata.core.sys.SystemCall.STATX;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.List;

/**
 * What a walk over a tree asks of each file, its status, its extended attribute names and its content, through
 * one set of native buffers kept for the whole walk: a layer of a thousand small files otherwise costs a thousand
 * arenas for each question, and a {@code FileChannel} (with its extra {@code fstat}, lock and cleaner) for each
 * file read, on a JVM that runs most of that code in the interpreter. Never follows a symbolic link. Used by one
 * thread; closing it frees the buffers.
 */
public final class FileReads implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 02000000;
    private static final int MAX_PATH = 4096;
    private static final int XATTR_LIST_MAX = 65536;

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment errno = Libc.errnoSegment(arena);
    private final MemorySegment stat = arena.allocate(PosixFiles.STATX_SIZE, 8);
    private final MemorySegment path = arena.allocate(MAX_PATH + 1);
    private MemorySegment names = arena.allocate(256);
    private MemorySegment content;

    /** Like {@link PosixFiles#lstat}. */
    public FileStat lstat(Path file) throws ErrnoException {
        long result = Syscall.call(errno, STATX, AT_FDCWD, encode(file), AT_SYMLINK_NOFOLLOW,
                PosixFiles.STATX_BASIC_STATS, stat.address());
        if (result != 0) {
            throw new ErrnoException("stat", file, Libc.errno(errno));
        }
        return PosixFiles.statx(stat);
    }

    /** Like {@link Xattrs#list}. */
    public List<String> xattrNames(Path file) throws ErrnoException {
        long cPath = encode(file);
        long length = Syscall.call(errno, LLISTXATTR, cPath, names.address(), names.byteSize());
        if (length < 0 && Libc.errno(errno) == ErrnoException.ERANGE) {
            names = arena.allocate(XATTR_LIST_MAX);
            length = Syscall.call(errno, LLISTXATTR, cPath, names.address(), names.byteSize());
        }
        if (length < 0) {
            int code = Libc.errno(errno);
            if (code == ErrnoException.ENOTSUP) {
                return List.of();
            }
            throw new ErrnoException("list extended attributes of", file, code);
        }
        return length == 0 ? List.of() : Xattrs.names(names.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE));
    }

    /** Opens a regular file for reading; the descriptor is closed by {@link #close(int)}. */
    public int open(Path file) throws ErrnoException {
        long fd = Syscall.call(errno, OPENAT, AT_FDCWD, encode(file), O_RDONLY | Libc.O_NOFOLLOW | O_CLOEXEC, 0);
        if (fd < 0) {
            throw new ErrnoException("open", file, Libc.errno(errno));
        }
        return (int) fd;
    }

    /** Reads up to {@code length} bytes into {@code into}; 0 at the end of the file. */
    public int read(int fd, Path file, byte[] into, int offset, int length) throws ErrnoException {
        if (content == null || content.byteSize() < length) {
            content = arena.allocate(length);
        }
        long n;
        do {
            n = Syscall.call(errno, READ, fd, content.address(), length);
        } while (n < 0 && Libc.errno(errno) == ErrnoException.EINTR);
        if (n < 0) {
            throw new ErrnoException("read", file, Libc.errno(errno));
        }
        MemorySegment.copy(content, ValueLayout.JAVA_BYTE, 0, into, offset, (int) n);
        return (int) n;
    }

    /** Closes a descriptor {@link #open} returned. */
    public void close(int fd) {
        Syscall.call(errno, CLOSE, fd); // read-only: closing reports nothing worth acting on
    }

    @Override
    public void close() {
        arena.close();
    }

    private long encode(Path file) throws ErrnoException {
        byte[] bytes = file.toString().getBytes(Libc.FILE_NAMES);
        if (bytes.length > MAX_PATH) {
            throw new ErrnoException("reach", file, ErrnoException.ENAMETOOLONG);
        }
        MemorySegment.copy(bytes, 0, path, ValueLayout.JAVA_BYTE, 0, bytes.length);
        path.set(ValueLayout.JAVA_BYTE, bytes.length, (byte) 0);
        return path.address();
    }
}
