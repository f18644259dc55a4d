package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.AT_FDCWD;
import static dev.strata.core.sys.Libc.AT_SYMLINK_NOFOLLOW;
import static dev.strata.core.sys.Libc.INT;
import static dev.strata.core.sys.Libc.LONG;
import static dev.strata.core.sys.SystemCall.FCHMODAT;
import static dev.strata.core.sys.SystemCall.FCHOWNAT;
import static dev.strata.core.sys.SystemCall.LINKAT;
import static dev.strata.core.sys.SystemCall.MKDIRAT;
import static dev.strata.core.sys.SystemCall.MKNODAT;
import static dev.strata.core.sys.SystemCall.READLINKAT;
import static dev.strata.core.sys.SystemCall.STATX;
import static dev.strata.core.sys.SystemCall.SYMLINKAT;
import static dev.strata.core.sys.SystemCall.UTIMENSAT;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File system calls that java.nio lacks or does imprecisely: device nodes, owners by number, the full
 * mode (setuid, setgid, sticky), times of symbolic links, raw symbolic link targets and {@code statx}.
 * No method follows a final symbolic link except {@link #chmod}, which Linux cannot do otherwise.
 * Stateless and thread-safe.
 */
public final class PosixFiles {
    static final int STATX_BASIC_STATS = 0x7ff;
    static final long STATX_SIZE = 256;
    private static final int PATH_MAX = 4096;

    private PosixFiles() {}

    /** Creates a device node, FIFO or empty regular file; {@code mode} holds the file type bits too. */
    public static void mknod(Path path, int mode, long device) throws ErrnoException {
        // The kernel takes a 32-bit device number, in the same encoding as makedev's low 32 bits; like the C
        // library's mknod, refuse a number that does not fit rather than let the kernel cut it.
        if ((device & 0xffffffffL) != device) {
            throw new ErrnoException("mknod", path, ErrnoException.EINVAL);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, MKNODAT, AT_FDCWD, Libc.cString(arena, path).address(), mode, device);
            check(result, errno, "mknod", path);
        }
    }

    /** The {@code dev_t} for a major and minor number, as glibc's {@code makedev} encodes it. */
    public static long makedev(long major, long minor) {
        return ((major & 0xfffff000L) << 32) | ((major & 0xfffL) << 8)
                | ((minor & 0xffffff00L) << 12) | (minor & 0xffL);
    }

    public static void mkdir(Path path, int mode) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, MKDIRAT, AT_FDCWD, Libc.cString(arena, path).address(), mode);
            check(result, errno, "mkdir", path);
        }
    }

    /** Sets the numeric owner and group of the file itself, never of a symbolic link's target. */
    public static void lchown(Path path, int uid, int gid) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, FCHOWNAT, AT_FDCWD, Libc.cString(arena, path).address(), uid, gid,
                    AT_SYMLINK_NOFOLLOW);
            check(result, errno, "lchown", path);
        }
    }

    /**
     * Sets all 12 mode bits. Follows a symbolic link (Linux has no lchmod and links have no mode of
     * their own), so callers must know the path is not one.
     */
    public static void chmod(Path path, int mode) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, FCHMODAT, AT_FDCWD, Libc.cString(arena, path).address(), mode & 07777);
            check(result, errno, "chmod", path);
        }
    }

    /** Sets access and modification time of the file itself (a symbolic link is not followed). */
    public static void setTimes(Path path, long seconds, int nanos) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment times = arena.allocate(LONG, 4);
            times.setAtIndex(LONG, 0, seconds);
            times.setAtIndex(LONG, 1, nanos);
            times.setAtIndex(LONG, 2, seconds);
            times.setAtIndex(LONG, 3, nanos);
            long result = Syscall.call(errno, UTIMENSAT, AT_FDCWD, Libc.cString(arena, path).address(),
                    times.address(), AT_SYMLINK_NOFOLLOW);
            check(result, errno, "set the times of", path);
        }
    }

    /** Creates a symbolic link whose target is exactly these bytes (java.nio would normalise them). */
    public static void symlink(byte[] target, Path link) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment cTarget = arena.allocate(target.length + 1L);
            MemorySegment.copy(target, 0, cTarget, ValueLayout.JAVA_BYTE, 0, target.length);
            long result = Syscall.call(errno, SYMLINKAT, cTarget.address(), AT_FDCWD,
                    Libc.cString(arena, link).address());
            check(result, errno, "create the symbolic link", link);
        }
    }

    /** Makes {@code link} a new name of {@code existing}; a symbolic link is linked, not followed. */
    public static void link(Path existing, Path link) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, LINKAT, AT_FDCWD, Libc.cString(arena, existing).address(), AT_FDCWD,
                    Libc.cString(arena, link).address(), 0);
            check(result, errno, "create the hard link", link);
        }
    }

    /** The target of a symbolic link, byte for byte. */
    public static byte[] readSymbolicLink(Path link) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment buffer = arena.allocate(PATH_MAX);
            long length = Syscall.call(errno, READLINKAT, AT_FDCWD, Libc.cString(arena, link).address(),
                    buffer.address(), PATH_MAX);
            if (length < 0) {
                throw new ErrnoException("read the symbolic link", link, Libc.errno(errno));
            }
            return buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
        }
    }

    /** Describes the file itself; a symbolic link is described, not followed. */
    public static FileStat lstat(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment buffer = arena.allocate(STATX_SIZE, 8);
            long result = Syscall.call(errno, STATX, AT_FDCWD, Libc.cString(arena, path).address(),
                    AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buffer.address());
            check(result, errno, "stat", path);
            return statx(buffer);
        }
    }

    /** Like {@link #lstat}, but empty when nothing exists at the path (no exception for that case). */
    public static Optional<FileStat> lstatIfExists(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment buffer = arena.allocate(STATX_SIZE, 8);
            long result = Syscall.call(errno, STATX, AT_FDCWD, Libc.cString(arena, path).address(),
                    AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buffer.address());
            if (result != 0 && Libc.errno(errno) == ErrnoException.ENOENT) {
                return Optional.empty();
            }
            check(result, errno, "stat", path);
            return Optional.of(statx(buffer));
        }
    }

    // Offsets of struct statx (include/uapi/linux/stat.h); the layout is the same on every architecture.
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    /** struct statx up to the device numbers, as longs: everything {@link FileStat} holds. */
    private static final int STATX_LONGS = 18;

    static FileStat statx(MemorySegment b) {
        if (!LITTLE_ENDIAN) {
            return new FileStat(
                    Short.toUnsignedInt(b.get(ValueLayout.JAVA_SHORT, 28)),
                    b.get(INT, 20),
                    b.get(INT, 24),
                    b.get(LONG, 32),
                    b.get(INT, 136),
                    b.get(INT, 140),
                    Integer.toUnsignedLong(b.get(INT, 16)),
                    b.get(LONG, 40),
                    b.get(LONG, 112),
                    b.get(INT, 120),
                    b.get(INT, 128),
                    b.get(INT, 132),
                    b.get(LONG, 96),
                    b.get(INT, 104));
        }
        // One copy into Java memory, then plain array reads: a dozen memory-segment reads cost several times as
        // much on a fresh JVM, where a walk over thousands of files runs this interpreted.
        long[] f = new long[STATX_LONGS];
        MemorySegment.copy(b, LONG, 0, f, 0, STATX_LONGS);
        return new FileStat(
                (int) (f[3] >>> 32) & 0xffff, // mode, 28
                (int) (f[2] >>> 32), // uid, 20
                (int) f[3], // gid, 24
                f[4], // inode, 32
                (int) f[17], // device major, 136
                (int) (f[17] >>> 32), // device minor, 140
                f[2] & 0xffffffffL, // links, 16
                f[5], // size, 40
                f[14], // mtime seconds, 112
                (int) f[15], // mtime nanoseconds, 120
                (int) f[16], // rdev major, 128
                (int) (f[16] >>> 32), // rdev minor, 132
                f[12], // ctime seconds, 96
                (int) f[13]); // ctime nanoseconds, 104
    }

    private static void check(long result, MemorySegment errno, String operation, Path path) throws ErrnoException {
        if (result != 0) {
            throw new ErrnoException(operation, path, Libc.errno(errno));
        }
    }
}
