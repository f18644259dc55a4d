package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.ADDRESS;
import static dev.strata.core.sys.Libc.INT;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;

/** Native calls the tests of this package need and the production code does not: the other end of things. */
final class NativeTestSupport {
    private static final MethodHandle SOCKET = Libc.withErrno("socket", FunctionDescriptor.of(INT, INT, INT, INT));
    private static final MethodHandle BIND = Libc.withErrno("bind", FunctionDescriptor.of(INT, INT, ADDRESS, INT));
    private static final MethodHandle LISTEN = Libc.withErrno("listen", FunctionDescriptor.of(INT, INT, INT));
    private static final MethodHandle ACCEPT = Libc.withErrno("accept", FunctionDescriptor.of(INT, INT, ADDRESS, ADDRESS));
    private static final MethodHandle OPEN = Libc.withErrno("open", FunctionDescriptor.of(INT, ADDRESS, INT, INT));
    private static final MethodHandle POSIX_OPENPT = Libc.withErrno("posix_openpt", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle GRANTPT = Libc.withErrno("grantpt", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle UNLOCKPT = Libc.withErrno("unlockpt", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle PTSNAME = Libc.plain("ptsname", FunctionDescriptor.of(ADDRESS, INT));
    private static final MethodHandle TCGETATTR = Libc.withErrno("tcgetattr", FunctionDescriptor.of(INT, INT, ADDRESS));

    private NativeTestSupport() {}

    /** A listening SOCK_SEQPACKET socket bound at {@code path} (which must fit in sun_path). */
    static int listenSeqPacket(Path path) throws Throwable {
        int fd = bound(path, 5);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            check((int) LISTEN.invokeExact(errno, fd, 4), errno, "listen");
            return fd;
        }
    }

    /** A SOCK_DGRAM socket bound at {@code path} (which must fit in sun_path). */
    static int bindDatagram(Path path) throws Throwable {
        return bound(path, 2);
    }

    /** A {@code struct sockaddr_un} for {@code path}, in {@code arena}. */
    static MemorySegment unixAddress(Arena arena, Path path) {
        MemorySegment address = arena.allocate(110);
        address.set(ValueLayout.JAVA_SHORT, 0, (short) 1);
        byte[] name = path.toString().getBytes();
        MemorySegment.copy(name, 0, address, ValueLayout.JAVA_BYTE, 2, name.length);
        return address;
    }

    private static int bound(Path path, int type) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int fd = (int) SOCKET.invokeExact(errno, 1, type | 0x80000, 0);
            check(fd, errno, "socket");
            check((int) BIND.invokeExact(errno, fd, unixAddress(arena, path), 110), errno, "bind");
            return fd;
        }
    }

    static int accept(int listener) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int fd = (int) ACCEPT.invokeExact(errno, listener, MemorySegment.NULL, MemorySegment.NULL);
            return check(fd, errno, "accept");
        }
    }

    static int openReadOnly(Path path) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            return check((int) OPEN.invokeExact(errno, Libc.cString(arena, path), 0x80000, 0), errno, "open");
        }
    }

    /** Opens a pseudo-terminal pair; returns {main, replica} descriptors. */
    static int[] openPty() throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int main = check((int) POSIX_OPENPT.invokeExact(errno, 2 | 0x100 | 0x80000), errno, "posix_openpt");
            check((int) GRANTPT.invokeExact(errno, main), errno, "grantpt");
            check((int) UNLOCKPT.invokeExact(errno, main), errno, "unlockpt");
            MemorySegment name = ((MemorySegment) PTSNAME.invokeExact(main)).reinterpret(64);
            String replicaPath = name.getString(0);
            int replica = check((int) OPEN.invokeExact(
                    errno, arena.allocateFrom(replicaPath), 2 | 0x100 | 0x80000, 0), errno, "open replica");
            return new int[] {main, replica};
        }
    }

    /** The c_lflag word of a terminal's settings. */
    static int localFlags(int fd) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment termios = arena.allocate(64, 4);
            check((int) TCGETATTR.invokeExact(errno, fd, termios), errno, "tcgetattr");
            return termios.get(ValueLayout.JAVA_INT, 12);
        }
    }

    static void close(int fd) {
        Descriptors.closeQuietly(fd);
    }

    private static int check(int result, MemorySegment errno, String call) throws ErrnoException {
        if (result < 0) {
            throw new ErrnoException(call, "test", Libc.errno(errno));
        }
        return result;
    }
}
