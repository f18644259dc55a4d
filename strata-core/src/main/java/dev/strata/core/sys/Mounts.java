package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.MOUNT;
import static dev.strata.core.sys.SystemCall.UMOUNT2;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;

/**
 * {@code mount(2)} and {@code umount2(2)}. The option string of one mount is limited by the kernel to
 * one page (4096 bytes), which bounds how many overlay lower directories fit in it. Stateless and
 * thread-safe.
 */
public final class Mounts {
    public static final long MS_RDONLY = 1;
    public static final long MS_NOSUID = 2;
    public static final long MS_NODEV = 4;
    public static final long MS_NOEXEC = 8;
    public static final long MS_REMOUNT = 32;
    public static final long MS_BIND = 4096;
    public static final long MS_REC = 16384;
    public static final long MS_PRIVATE = 1L << 18;
    public static final long MS_SLAVE = 1L << 19;

    public static final int MNT_FORCE = 1;
    public static final int MNT_DETACH = 2;

    /** The kernel reads at most one page of mount options. */
    public static final int MAX_OPTIONS_BYTES = 4095;

    private Mounts() {}

    /**
     * Mounts {@code source} of type {@code fsType} on {@code target}.
     *
     * @param options the file-system-specific option string, such as overlay's
     *     {@code lowerdir=A:B,upperdir=C,workdir=D}; {@code null} for none
     */
    public static void mount(String source, Path target, String fsType, long flags, String options)
            throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment data = options == null ? MemorySegment.NULL : Libc.cString(arena, options);
            MemorySegment type = fsType == null ? MemorySegment.NULL : Libc.cString(arena, fsType);
            long result = Syscall.call(errno, MOUNT, Libc.cString(arena, source).address(),
                    Libc.cString(arena, target).address(), type.address(), flags, data.address());
            if (result != 0) {
                throw new ErrnoException("mount " + fsType + " on", target, Libc.errno(errno));
            }
        }
    }

    /** Unmounts whatever is mounted on {@code target}; {@code flags} are {@link #MNT_DETACH} and the like. */
    public static void unmount(Path target, int flags) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, UMOUNT2, Libc.cString(arena, target).address(), flags);
            if (result != 0) {
                throw new ErrnoException("unmount", target, Libc.errno(errno));
            }
        }
    }
}
