package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.AT_FDCWD;
import static dev.strata.core.sys.Libc.AT_SYMLINK_NOFOLLOW;
import static dev.strata.core.sys.Libc.LONG;
import static dev.strata.core.sys.SystemCall.STATX;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * Whether a directory is the root of a mount, from {@code statx(2)}'s {@code STATX_ATTR_MOUNT_ROOT} (Linux
 * 5.8), which sees bind mounts of the same file system too; older kernels fall back to comparing devices with
 * the parent. Stateless and thread-safe.
 */
public final class MountPoints {
    private static final int STATX_BASIC_STATS = 0x7ff;
    private static final long STATX_ATTR_MOUNT_ROOT = 0x2000;
    private static final long ATTRIBUTES_OFFSET = 8;
    private static final long ATTRIBUTES_MASK_OFFSET = 56;

    private MountPoints() {}

    /**
     * True if something is mounted on {@code path} (the path itself, not a symbolic link's target).
     *
     * @throws ErrnoException {@code ENOENT} if nothing is there
     */
    public static boolean isMountPoint(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment buffer = arena.allocate(256, 8);
            long result = Syscall.call(errno, STATX, AT_FDCWD, Libc.cString(arena, path).address(),
                    AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, buffer.address());
            if (result != 0) {
                throw new ErrnoException("stat", path, Libc.errno(errno));
            }
            long mask = buffer.get(LONG, ATTRIBUTES_MASK_OFFSET);
            if ((mask & STATX_ATTR_MOUNT_ROOT) != 0) {
                return (buffer.get(LONG, ATTRIBUTES_OFFSET) & STATX_ATTR_MOUNT_ROOT) != 0;
            }
            FileStat own = PosixFiles.statx(buffer);
            Path parent = path.toAbsolutePath().getParent();
            if (parent == null) {
                return true;
            }
            FileStat above = PosixFiles.lstat(parent);
            return own.deviceMajor() != above.deviceMajor() || own.deviceMinor() != above.deviceMinor();
        }
    }
}
