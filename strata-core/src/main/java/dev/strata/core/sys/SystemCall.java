package dev.strata.core.sys;

import java.util.Locale;

/**
 * The Linux system calls this package makes, each with its number on x86-64 ({@code amd64}, the kernel's
 * {@code unistd_64.h}) and on arm64 ({@code aarch64}, the generic {@code asm-generic/unistd.h}). The generic
 * table has no {@code open}, {@code mkdir}, {@code chmod}, {@code lchown}, {@code symlink}, {@code readlink} or
 * {@code mknod}, so both architectures use the {@code *at} calls with {@code AT_FDCWD}. The constant's name,
 * in lower case, is the kernel's ({@code __NR_move_mount}). Immutable.
 */
enum SystemCall {
    // Descriptors, processes, credentials
    READ(0, 63),
    WRITE(1, 64),
    CLOSE(3, 57),
    OPENAT(257, 56),
    GETDENTS64(217, 61),
    IOCTL(16, 29),
    KILL(62, 129),
    PIPE2(293, 59),
    FCNTL(72, 25),
    PPOLL(271, 73),
    WAIT4(61, 260),
    WAITID(247, 95),
    GETEUID(107, 175),
    GETEGID(108, 177),

    // Mounts and namespaces; the new mount API (from 424 on) has one number everywhere but alpha
    MOUNT(165, 40),
    UMOUNT2(166, 39),
    UNSHARE(272, 97),
    MOVE_MOUNT(429, 429),
    FSOPEN(430, 430),
    FSCONFIG(431, 431),
    FSMOUNT(432, 432),

    // Sockets
    SOCKET(41, 198),
    CONNECT(42, 203),
    SENDTO(44, 206),
    RECVFROM(45, 207),
    SHUTDOWN(48, 210),

    // Files by path
    STATX(332, 291),
    OPENAT2(437, 437),
    MKNODAT(259, 33),
    MKDIRAT(258, 34),
    FCHOWNAT(260, 54),
    FCHMODAT(268, 53),
    UTIMENSAT(280, 88),
    SYMLINKAT(266, 36),
    LINKAT(265, 37),
    READLINKAT(267, 78),
    GETXATTR(191, 8),
    LGETXATTR(192, 9),
    LSETXATTR(189, 6),
    LLISTXATTR(195, 12),
    LREMOVEXATTR(198, 15),

    // Files by descriptor
    FCHOWN(93, 55),
    FCHMOD(91, 52),
    FSETXATTR(190, 7);

    private final long amd64;
    private final long aarch64;
    /** The number on this machine, or -1 on an architecture this table does not know. */
    private final long number;

    SystemCall(long amd64, long aarch64) {
        this.amd64 = amd64;
        this.aarch64 = aarch64;
        this.number = switch (Machine.ARCH) {
            case "amd64", "x86_64" -> amd64;
            case "aarch64" -> aarch64;
            default -> -1;
        };
    }

    /**
     * The number of this call on the running machine.
     *
     * @throws UnsatisfiedLinkError on an architecture other than amd64 and aarch64, as a missing C function would
     */
    long number() {
        return number >= 0 ? number : numberOn(Machine.ARCH);
    }

    /** The number on the architecture {@code arch}, as Java's {@code os.arch} names it. */
    long numberOn(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> amd64;
            case "aarch64" -> aarch64;
            default -> throw new UnsatisfiedLinkError("cannot make the system call " + kernelName() + ": its number "
                    + "is known for amd64 and aarch64, not for " + arch);
        };
    }

    /** The name of the call in the kernel's tables, without the {@code __NR_} prefix. */
    String kernelName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** An enum's constructor cannot read the enum's own static fields: the architecture is read here. */
    private static final class Machine {
        static final String ARCH = System.getProperty("os.arch", "");
    }
}
