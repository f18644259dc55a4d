package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.FSCONFIG;
import static dev.strata.core.sys.SystemCall.FSMOUNT;
import static dev.strata.core.sys.SystemCall.FSOPEN;
import static dev.strata.core.sys.SystemCall.MOVE_MOUNT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * One mount being configured through the kernel's new mount API ({@code fsopen}, {@code fsconfig},
 * {@code fsmount}, {@code move_mount}, Linux 5.2): options go to the kernel one key at a time, so there is
 * no one-page limit on the whole option string as with {@code mount(2)}, and the kernel explains a refusal in
 * a message log that {@link #messages()} reads. Owned by one thread; close it.
 */
public final class FsContext implements AutoCloseable {
    /** Mount attributes for {@link #mount}: {@code MOUNT_ATTR_*} of linux/mount.h. */
    public static final long MOUNT_ATTR_RDONLY = 0x1;
    public static final long MOUNT_ATTR_NOSUID = 0x2;
    public static final long MOUNT_ATTR_NODEV = 0x4;
    public static final long MOUNT_ATTR_NOEXEC = 0x8;

    private static final long FSOPEN_CLOEXEC = 1;
    private static final long FSMOUNT_CLOEXEC = 1;
    private static final long FSCONFIG_SET_FLAG = 0;
    private static final long FSCONFIG_SET_STRING = 1;
    private static final long FSCONFIG_CMD_CREATE = 6;
    private static final long MOVE_MOUNT_F_EMPTY_PATH = 4;

    private final String fsType;
    private final int fd;
    private boolean closed;

    private FsContext(String fsType, int fd) {
        this.fsType = fsType;
        this.fd = fd;
    }

    /**
     * Opens a context for a new file system of this type.
     *
     * @throws ErrnoException {@code ENOSYS} on kernels before 5.2, {@code ENODEV} for an unknown type
     */
    public static FsContext open(String fsType) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long fd = Syscall.call(errno, FSOPEN, Libc.cString(arena, fsType).address(), FSOPEN_CLOEXEC);
            if (fd < 0) {
                throw new ErrnoException("open a file system context for", fsType, Libc.errno(errno));
            }
            return new FsContext(fsType, (int) fd);
        }
    }

    /**
     * Sets a string option, such as overlay's {@code upperdir}.
     *
     * @throws ErrnoException {@code EINVAL} when the file system does not know the key or refuses the value
     *     (then {@link #messages()} says which)
     */
    public void setString(String key, String value) throws ErrnoException {
        configure(FSCONFIG_SET_STRING, key, value, "configure " + fsType + " with", key + "=" + value);
    }

    /** Sets an option that takes no value, such as {@code ro}. */
    public void setFlag(String key) throws ErrnoException {
        configure(FSCONFIG_SET_FLAG, key, null, "configure " + fsType + " with", key);
    }

    /**
     * Creates the file system from the options set so far and attaches it to {@code target}.
     *
     * @param attributes {@code MOUNT_ATTR_*} flags of the new mount, such as {@link #MOUNT_ATTR_RDONLY}
     */
    public void mount(Path target, long attributes) throws ErrnoException {
        configure(FSCONFIG_CMD_CREATE, null, null, "create the " + fsType + " file system for", target.toString());
        int mountFd;
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, FSMOUNT, fd, FSMOUNT_CLOEXEC, attributes);
            if (result < 0) {
                throw new ErrnoException("make a mount of the new " + fsType + " for", target, Libc.errno(errno));
            }
            mountFd = (int) result;
            try {
                long moved = Syscall.call(errno, MOVE_MOUNT, mountFd, Libc.cString(arena, "").address(),
                        Libc.AT_FDCWD, Libc.cString(arena, target).address(), MOVE_MOUNT_F_EMPTY_PATH);
                if (moved < 0) {
                    throw new ErrnoException("mount " + fsType + " on", target, Libc.errno(errno));
                }
            } finally {
                // The mount stays attached to the target; the descriptor was only our handle on it.
                Descriptors.closeQuietly(mountFd);
            }
        }
    }

    /**
     * The messages the kernel logged for this context since the last call, one per line without their
     * {@code e }/{@code w }/{@code i } prefixes; empty if there are none.
     */
    public String messages() {
        StringBuilder text = new StringBuilder();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment buffer = arena.allocate(4096);
            while (true) {
                long n = Descriptors.read(fd, buffer);
                if (n <= 0) {
                    break; // ENODATA: the log is empty
                }
                String line = new String(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8);
                if (line.length() > 2 && line.charAt(1) == ' ') {
                    line = line.substring(2);
                }
                text.append(text.isEmpty() ? "" : "; ").append(line.strip());
            }
        }
        return text.toString();
    }

    private void configure(long command, String key, String value, String operation, String what)
            throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment cKey = key == null ? MemorySegment.NULL : arena.allocateFrom(key, StandardCharsets.UTF_8);
            MemorySegment cValue = value == null ? MemorySegment.NULL : arena.allocateFrom(value, Libc.FILE_NAMES);
            long result = Syscall.call(errno, FSCONFIG, fd, command, cKey.address(), cValue.address(), 0);
            if (result < 0) {
                throw new ErrnoException(operation, what, Libc.errno(errno));
            }
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Descriptors.closeQuietly(fd);
        }
    }
}
