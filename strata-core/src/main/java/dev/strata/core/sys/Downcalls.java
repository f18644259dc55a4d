package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.ADDRESS;
import static dev.strata.core.sys.Libc.INT;
import static dev.strata.core.sys.Libc.LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.invoke.MethodHandle;

/**
 * The C functions this package calls, each linked the first time it is called. Linking costs milliseconds of
 * CPU on a fresh JVM (the linker makes a stub per call shape), so a command pays only for the calls it makes:
 * each handle sits in a holder class of its own, which the JVM initialises once, thread-safely, on the first
 * read of its {@code HANDLE}, and whose {@code static final} field the JIT then treats as a constant.
 * Every handle but {@code geteuid}, {@code getegid}, {@code isatty} and {@code cfmakeraw} takes the errno
 * capture segment as its first argument. {@link NativeLinks} links groups of them ahead of use.
 */
final class Downcalls {
    // Shapes met more than once, named return type first: the linker caches its stub per descriptor.
    private static final FunctionDescriptor INT_INT = FunctionDescriptor.of(INT, INT);
    private static final FunctionDescriptor INT_INT_INT = FunctionDescriptor.of(INT, INT, INT);
    private static final FunctionDescriptor INT_INT_INT_INT = FunctionDescriptor.of(INT, INT, INT, INT);
    private static final FunctionDescriptor INT_INT_ADDRESS = FunctionDescriptor.of(INT, INT, ADDRESS);
    private static final FunctionDescriptor INT_ADDRESS_INT = FunctionDescriptor.of(INT, ADDRESS, INT);
    private static final FunctionDescriptor INT_ADDRESS_INT_INT = FunctionDescriptor.of(INT, ADDRESS, INT, INT);
    private static final FunctionDescriptor INT_ADDRESS_ADDRESS = FunctionDescriptor.of(INT, ADDRESS, ADDRESS);
    private static final FunctionDescriptor LONG_INT_ADDRESS_LONG = FunctionDescriptor.of(LONG, INT, ADDRESS, LONG);
    private static final FunctionDescriptor LONG_INT_ADDRESS_LONG_INT =
            FunctionDescriptor.of(LONG, INT, ADDRESS, LONG, INT);
    private static final FunctionDescriptor LONG_ADDRESS_ADDRESS_LONG =
            FunctionDescriptor.of(LONG, ADDRESS, ADDRESS, LONG);
    private static final FunctionDescriptor LONG_ADDRESS_ADDRESS_ADDRESS_LONG =
            FunctionDescriptor.of(LONG, ADDRESS, ADDRESS, ADDRESS, LONG);

    private Downcalls() {}

    // Descriptors and processes

    static final class Open {
        static final MethodHandle HANDLE = Libc.withErrno("open", INT_ADDRESS_INT_INT);
    }

    static final class Close {
        static final MethodHandle HANDLE = Libc.withErrno("close", INT_INT);
    }

    static final class Read {
        static final MethodHandle HANDLE = Libc.withErrno("read", LONG_INT_ADDRESS_LONG);
    }

    static final class Write {
        static final MethodHandle HANDLE = Libc.withErrno("write", LONG_INT_ADDRESS_LONG);
    }

    static final class Ioctl {
        static final MethodHandle HANDLE =
                Libc.withErrnoVariadic("ioctl", FunctionDescriptor.of(INT, INT, LONG, ADDRESS), 2);
    }

    static final class Kill {
        static final MethodHandle HANDLE = Libc.withErrno("kill", INT_INT_INT);
    }

    static final class Geteuid {
        static final MethodHandle HANDLE = Libc.plain("geteuid", FunctionDescriptor.of(INT));
    }

    static final class Getegid {
        static final MethodHandle HANDLE = Libc.plain("getegid", FunctionDescriptor.of(INT));
    }

    // Mounts and namespaces

    static final class Mount {
        static final MethodHandle HANDLE =
                Libc.withErrno("mount", FunctionDescriptor.of(INT, ADDRESS, ADDRESS, ADDRESS, LONG, ADDRESS));
    }

    static final class Umount2 {
        static final MethodHandle HANDLE = Libc.withErrno("umount2", INT_ADDRESS_INT);
    }

    static final class Fsopen {
        static final MethodHandle HANDLE = Libc.syscall(ADDRESS, LONG);
    }

    static final class Fsconfig {
        static final MethodHandle HANDLE = Libc.syscall(LONG, LONG, ADDRESS, ADDRESS, LONG);
    }

    static final class Fsmount {
        static final MethodHandle HANDLE = Libc.syscall(LONG, LONG, LONG);
    }

    static final class MoveMount {
        static final MethodHandle HANDLE = Libc.syscall(LONG, ADDRESS, LONG, ADDRESS, LONG);
    }

    static final class Unshare {
        static final MethodHandle HANDLE = Libc.withErrno("unshare", INT_INT);
    }

    // Sockets

    static final class Socket {
        static final MethodHandle HANDLE = Libc.withErrno("socket", INT_INT_INT_INT);
    }

    static final class Connect {
        static final MethodHandle HANDLE = Libc.withErrno("connect", FunctionDescriptor.of(INT, INT, ADDRESS, INT));
    }

    static final class Recv {
        static final MethodHandle HANDLE = Libc.withErrno("recv", LONG_INT_ADDRESS_LONG_INT);
    }

    static final class Send {
        static final MethodHandle HANDLE = Libc.withErrno("send", LONG_INT_ADDRESS_LONG_INT);
    }

    static final class Shutdown {
        static final MethodHandle HANDLE = Libc.withErrno("shutdown", INT_INT_INT);
    }

    // Files by path

    static final class Statx {
        static final MethodHandle HANDLE =
                Libc.withErrno("statx", FunctionDescriptor.of(INT, INT, ADDRESS, INT, INT, ADDRESS));
    }

    static final class Openat2 {
        static final MethodHandle HANDLE = Libc.syscall(LONG, ADDRESS, ADDRESS, LONG);
    }

    static final class Mknod {
        static final MethodHandle HANDLE = Libc.withErrno("mknod", FunctionDescriptor.of(INT, ADDRESS, INT, LONG));
    }

    static final class Mkdir {
        static final MethodHandle HANDLE = Libc.withErrno("mkdir", INT_ADDRESS_INT);
    }

    static final class Lchown {
        static final MethodHandle HANDLE = Libc.withErrno("lchown", INT_ADDRESS_INT_INT);
    }

    static final class Chmod {
        static final MethodHandle HANDLE = Libc.withErrno("chmod", INT_ADDRESS_INT);
    }

    static final class Utimensat {
        static final MethodHandle HANDLE =
                Libc.withErrno("utimensat", FunctionDescriptor.of(INT, INT, ADDRESS, ADDRESS, INT));
    }

    static final class Symlink {
        static final MethodHandle HANDLE = Libc.withErrno("symlink", INT_ADDRESS_ADDRESS);
    }

    static final class Linkat {
        static final MethodHandle HANDLE =
                Libc.withErrno("linkat", FunctionDescriptor.of(INT, INT, ADDRESS, INT, ADDRESS, INT));
    }

    static final class Readlink {
        static final MethodHandle HANDLE = Libc.withErrno("readlink", LONG_ADDRESS_ADDRESS_LONG);
    }

    static final class Readlinkat {
        static final MethodHandle HANDLE =
                Libc.withErrno("readlinkat", FunctionDescriptor.of(LONG, INT, ADDRESS, ADDRESS, LONG));
    }

    static final class Getxattr {
        static final MethodHandle HANDLE = Libc.withErrno("getxattr", LONG_ADDRESS_ADDRESS_ADDRESS_LONG);
    }

    static final class Lgetxattr {
        static final MethodHandle HANDLE = Libc.withErrno("lgetxattr", LONG_ADDRESS_ADDRESS_ADDRESS_LONG);
    }

    static final class Lsetxattr {
        static final MethodHandle HANDLE =
                Libc.withErrno("lsetxattr", FunctionDescriptor.of(INT, ADDRESS, ADDRESS, ADDRESS, LONG, INT));
    }

    static final class Llistxattr {
        static final MethodHandle HANDLE = Libc.withErrno("llistxattr", LONG_ADDRESS_ADDRESS_LONG);
    }

    static final class Lremovexattr {
        static final MethodHandle HANDLE = Libc.withErrno("lremovexattr", INT_ADDRESS_ADDRESS);
    }

    // Files by descriptor (NewFile)

    static final class Fchown {
        static final MethodHandle HANDLE = Libc.withErrno("fchown", INT_INT_INT_INT);
    }

    static final class Fchmod {
        static final MethodHandle HANDLE = Libc.withErrno("fchmod", INT_INT_INT);
    }

    static final class Futimens {
        static final MethodHandle HANDLE = Libc.withErrno("futimens", INT_INT_ADDRESS);
    }

    static final class Fsetxattr {
        static final MethodHandle HANDLE =
                Libc.withErrno("fsetxattr", FunctionDescriptor.of(INT, INT, ADDRESS, ADDRESS, LONG, INT));
    }

    // Terminals

    static final class Isatty {
        static final MethodHandle HANDLE = Libc.plain("isatty", INT_INT);
    }

    static final class Tcgetattr {
        static final MethodHandle HANDLE = Libc.withErrno("tcgetattr", INT_INT_ADDRESS);
    }

    static final class Tcsetattr {
        static final MethodHandle HANDLE =
                Libc.withErrno("tcsetattr", FunctionDescriptor.of(INT, INT, INT, ADDRESS));
    }

    static final class Cfmakeraw {
        static final MethodHandle HANDLE = Libc.plain("cfmakeraw", FunctionDescriptor.ofVoid(ADDRESS));
    }
}
