package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.IOCTL;
import static dev.strata.core.sys.SystemCall.SOCKET;
import static dev.strata.core.sys.SystemCall.UNSHARE;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * Linux namespaces made persistent as files: {@code unshare(2)} on a thread of its own, then a bind mount of
 * that thread's namespace onto a file, so that the namespace outlives every process and other programs (runc,
 * slirp4netns, nsenter) can join it by path. Stateless and thread-safe.
 */
public final class Namespaces {
    public static final int CLONE_NEWNET = 0x40000000;

    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final long SIOCGIFFLAGS = 0x8913;
    private static final long SIOCSIFFLAGS = 0x8914;
    private static final short IFF_UP = 1;
    /** {@code struct ifreq}: the interface name (IFNAMSIZ bytes), then a union whose flags are a short. */
    private static final int IFREQ_SIZE = 40;
    private static final int IFNAMSIZ = 16;

    private Namespaces() {}

    /**
     * Creates a new network namespace, holding only the loopback interface, brought up (the kernel makes it down,
     * and runc configures nothing in a namespace it joins by path), and bind-mounts it onto {@code file}, which
     * must exist. The namespace lives until {@code file} is unmounted
     * and no process is left in it.
     *
     * <p>The network namespace belongs to a thread, not a process: the calling thread must stay where it is,
     * so the work runs on a new platform thread that ends (and with it, its OS thread) right after the mount.
     * Blocks until that thread is done.
     */
    public static void bindNewNetworkNamespace(Path file) throws ErrnoException {
        ErrnoException[] failure = new ErrnoException[1];
        Thread thread = Thread.ofPlatform().name("strata-netns").start(() -> {
            try {
                unshare(CLONE_NEWNET);
                bringUpLoopback();
                Mounts.mount("/proc/thread-self/ns/net", file, null, Mounts.MS_BIND, null);
            } catch (ErrnoException e) {
                failure[0] = e;
            }
        });
        joinUninterruptibly(thread);
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private static void unshare(int flags) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, UNSHARE, flags);
            if (result != 0) {
                throw new ErrnoException("unshare", "namespace 0x" + Integer.toHexString(flags), Libc.errno(errno));
            }
        }
    }

    /** Sets IFF_UP on {@code lo} of the calling thread's network namespace, as {@code ip link set lo up} does. */
    private static void bringUpLoopback() throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int fd = (int) Syscall.call(errno, SOCKET, AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new ErrnoException("open a socket to configure", "lo", Libc.errno(errno));
            }
            try {
                MemorySegment ifreq = arena.allocate(IFREQ_SIZE, 8);
                MemorySegment.copy(Libc.cString(arena, "lo"), 0, ifreq, 0, 3);
                if (Syscall.call(errno, IOCTL, fd, SIOCGIFFLAGS, ifreq.address()) != 0) {
                    throw new ErrnoException("read the flags of", "lo", Libc.errno(errno));
                }
                short flags = ifreq.get(ValueLayout.JAVA_SHORT, IFNAMSIZ);
                ifreq.set(ValueLayout.JAVA_SHORT, IFNAMSIZ, (short) (flags | IFF_UP));
                if (Syscall.call(errno, IOCTL, fd, SIOCSIFFLAGS, ifreq.address()) != 0) {
                    throw new ErrnoException("bring up", "lo", Libc.errno(errno));
                }
            } finally {
                Descriptors.closeQuietly(fd);
            }
        }
    }

    /** The new namespace must not be left half made because the caller was interrupted: wait, then re-assert. */
    private static void joinUninterruptibly(Thread thread) {
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
