package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.LONG;
import static dev.strata.core.sys.SystemCall.GETXATTR;
import static dev.strata.core.sys.SystemCall.OPENAT2;
import static dev.strata.core.sys.SystemCall.READLINKAT;
import static dev.strata.core.sys.SystemCall.STATX;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An {@code O_PATH} descriptor: one file pinned by inode. Calls made through {@link #path()}
 * ({@code /proc/self/fd/N}) reach that very file even if someone renames it or puts a symbolic link where it
 * was, which is what makes work inside a container's root file system safe while the container runs.
 * {@link #resolveInRoot} looks a path up with {@code openat2(2)}'s {@code RESOLVE_IN_ROOT} (Linux 5.6):
 * symbolic links, absolute or with {@code ..}, are read as if this directory were {@code /}, so the result
 * can never lie outside it. Not thread-safe; close it.
 */
public final class PathHandle implements AutoCloseable {
    private static final long O_NOFOLLOW = Libc.O_NOFOLLOW;
    private static final long O_PATH = 010000000;
    private static final long O_CLOEXEC = 02000000;
    private static final long RESOLVE_NO_MAGICLINKS = 0x02;
    private static final long RESOLVE_NO_SYMLINKS = 0x04;
    private static final long RESOLVE_BENEATH = 0x08;
    private static final long RESOLVE_IN_ROOT = 0x10;
    private static final int EAGAIN = 11;
    private static final int AT_EMPTY_PATH = 0x1000;
    private static final int STATX_BASIC_STATS = 0x7ff;
    private static final int RETRIES = 32;
    private static final int PATH_MAX = 4096;
    private static final int XATTR_SIZE_MAX = 65536;

    private final int fd;
    private final Path path;
    private boolean closed;

    private PathHandle(int fd) {
        this.fd = fd;
        this.path = Path.of("/proc/self/fd/" + fd);
    }

    /** Opens the caller's own path, following symbolic links as any path of the host would. */
    public static PathHandle open(Path path) throws ErrnoException {
        return new PathHandle(openat2(Libc.AT_FDCWD, path.toString(), O_PATH | O_CLOEXEC, 0, path.toString()));
    }

    /**
     * Looks {@code relative} up with this handle's file as the root: {@code ..} stops there, and a symbolic
     * link's absolute target starts there. Magic links ({@code /proc/PID/fd/N} inside the tree) are refused.
     *
     * @param relative a path inside the root ({@code ""} for the root; a leading {@code /} is the root too)
     * @param followLast whether a symbolic link as the last component is followed (else the handle is the link)
     * @throws ErrnoException {@code ENOENT}, {@code ENOTDIR}, {@code ELOOP}; {@code ENOSYS} before Linux 5.6
     */
    public PathHandle resolveInRoot(String relative, boolean followLast) throws ErrnoException {
        String name = relative.isEmpty() ? "." : relative;
        long flags = O_PATH | O_CLOEXEC | (followLast ? 0 : O_NOFOLLOW);
        return new PathHandle(openat2(fd, name, flags, RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS, name));
    }

    /**
     * The entry {@code name} of this directory, never following a symbolic link: a link is returned as itself.
     *
     * @throws IllegalArgumentException if {@code name} is not one plain component
     */
    public PathHandle child(String name) throws ErrnoException {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not a single file name: " + name);
        }
        return new PathHandle(openat2(fd, name, O_PATH | O_CLOEXEC | O_NOFOLLOW,
                RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS, name));
    }

    /** Describes the pinned file itself (a symbolic link is described, not followed). */
    public FileStat stat() throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment buffer = arena.allocate(256, 8);
            long result = Syscall.call(errno, STATX, fd, Libc.cString(arena, "").address(),
                    AT_EMPTY_PATH | Libc.AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buffer.address());
            if (result != 0) {
                throw new ErrnoException("stat", path, Libc.errno(errno));
            }
            return PosixFiles.statx(buffer);
        }
    }

    /**
     * {@code /proc/self/fd/N}: a path to exactly this file. For a directory, {@code path().resolve(name)}
     * names an entry of this very directory; calls that do not follow a last symbolic link (lstat, mkdir,
     * unlink, symlink, lchown) are then safe on it. Opening it follows to the pinned file, never further.
     */
    public Path path() {
        return path;
    }

    /** The entry {@code name} of this directory, as a path for calls that do not follow a last link. */
    public Path resolve(String name) {
        return path.resolve(name);
    }

    /** The target of the pinned symbolic link, byte for byte. */
    public byte[] readLink() throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment buffer = arena.allocate(PATH_MAX);
            long length = Syscall.call(errno, READLINKAT, fd, Libc.cString(arena, "").address(), buffer.address(),
                    PATH_MAX);
            if (length < 0) {
                throw new ErrnoException("read the symbolic link", path, Libc.errno(errno));
            }
            return buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /**
     * An extended attribute of the pinned file, or empty if it has none of that name. Not for a symbolic link
     * (the call would reach the link's target); links cannot carry the attributes copies care about anyway.
     */
    public Optional<byte[]> getXattr(String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment buffer = arena.allocate(XATTR_SIZE_MAX);
            long length = Syscall.call(errno, GETXATTR, Libc.cString(arena, path).address(),
                    arena.allocateFrom(name, StandardCharsets.UTF_8).address(), buffer.address(), XATTR_SIZE_MAX);
            if (length < 0) {
                int code = Libc.errno(errno);
                if (code == ErrnoException.ENODATA || code == ErrnoException.ENOTSUP) {
                    return Optional.empty();
                }
                throw new ErrnoException("read extended attribute " + name + " of", path, code);
            }
            return Optional.of(buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    /** Where the file is now in the host's tree, as the kernel knows it (for messages and relative names). */
    public Path location() throws ErrnoException {
        return Path.of(new String(PosixFiles.readSymbolicLink(path), Libc.FILE_NAMES));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Descriptors.closeQuietly(fd);
        }
    }

    private static int openat2(int dirFd, String name, long flags, long resolve, String what) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment how = arena.allocate(LONG, 3); // struct open_how: flags, mode, resolve
            how.setAtIndex(LONG, 0, flags);
            how.setAtIndex(LONG, 1, 0L);
            how.setAtIndex(LONG, 2, resolve);
            MemorySegment cName = Libc.cString(arena, name);
            for (int attempt = 0; ; attempt++) {
                long result = Syscall.call(errno, OPENAT2, dirFd, cName.address(), how.address(), how.byteSize());
                if (result >= 0) {
                    return (int) result;
                }
                int code = Libc.errno(errno);
                // EAGAIN: a rename elsewhere raced with a ".." step; the kernel asks to try again.
                if (code != EAGAIN || attempt == RETRIES) {
                    throw new ErrnoException("open", what, code);
                }
            }
        }
    }
}
