package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.CONNECT;
import static dev.strata.core.sys.SystemCall.OPENAT;
import static dev.strata.core.sys.SystemCall.RECVFROM;
import static dev.strata.core.sys.SystemCall.SENDTO;
import static dev.strata.core.sys.SystemCall.SHUTDOWN;
import static dev.strata.core.sys.SystemCall.SOCKET;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;

/**
 * The client end of a Unix {@code SOCK_SEQPACKET} socket, which java.nio does not offer (its Unix channels are
 * streams only): every {@link #send} is one message and every {@link #receive} returns one whole message.
 * Conmon's attach socket is of this kind. A socket path longer than {@code sun_path} (108 bytes) is reached
 * through {@code /proc/self/fd/N/NAME} of its directory, so deep directories work.
 *
 * <p>Thread-safe: one thread may receive while another sends; {@link #close} from any thread wakes a blocked
 * receiver, and the descriptor is released only when no call is using it any more.
 */
public final class SeqPacketSocket implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_SEQPACKET = 5;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int O_PATH = 0x200000;
    private static final int O_CLOEXEC = 0x80000;
    private static final int MSG_NOSIGNAL = 0x4000;
    private static final int SHUT_WR = 1;
    private static final int SHUT_RDWR = 2;
    private static final int SUN_PATH_SIZE = 108;
    private static final long SOCKADDR_UN_SIZE = 2 + SUN_PATH_SIZE;

    private final int fd;
    private final Path path;
    private final Object lock = new Object();
    private int callsInProgress;
    private boolean closed;
    private boolean released;

    private SeqPacketSocket(int fd, Path path) {
        this.fd = fd;
        this.path = path;
    }

    /** Takes ownership of an already connected descriptor (the accepting end, in tests). */
    static SeqPacketSocket adopt(int fd, Path path) {
        return new SeqPacketSocket(fd, path);
    }

    /** Connects to the listening socket at {@code path}; {@code ENOENT} or {@code ECONNREFUSED} if nobody listens. */
    public static SeqPacketSocket connect(Path path) throws ErrnoException {
        int fd = socket(path);
        try {
            byte[] name = path.toString().getBytes(Libc.FILE_NAMES);
            if (name.length < SUN_PATH_SIZE) {
                connect(fd, name, path);
            } else {
                connectThroughDirectory(fd, path);
            }
            return new SeqPacketSocket(fd, path);
        } catch (ErrnoException | RuntimeException | Error e) {
            Descriptors.closeQuietly(fd);
            throw e;
        }
    }

    /**
     * Blocks for the next message and copies it into {@code buffer}; returns its length, or -1 once the peer has
     * closed (or this socket was closed). A message longer than the buffer is truncated, so size the buffer for
     * the largest message the peer sends.
     */
    public int receive(byte[] buffer) throws ErrnoException {
        if (!enter()) {
            return -1;
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment data = arena.allocate(Math.max(1, buffer.length));
            while (true) {
                // recv(2) is recvfrom(2) without the sender's address
                long n = Syscall.call(errno, RECVFROM, fd, data.address(), buffer.length, 0, 0, 0);
                if (n > 0) {
                    MemorySegment.copy(data, ValueLayout.JAVA_BYTE, 0, buffer, 0, (int) n);
                    return (int) n;
                }
                if (n == 0) {
                    return -1;
                }
                int error = Libc.errno(errno);
                if (error != ErrnoException.EINTR) {
                    throw new ErrnoException("receive from socket", path, error);
                }
            }
        } finally {
            leave();
        }
    }

    /** Sends {@code length} bytes of {@code buffer} from {@code offset} as one message. */
    public void send(byte[] buffer, int offset, int length) throws ErrnoException {
        if (!enter()) {
            throw new ErrnoException("send to socket", path, ErrnoException.EBADF);
        }
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment data = arena.allocate(Math.max(1, length));
            MemorySegment.copy(buffer, offset, data, ValueLayout.JAVA_BYTE, 0, length);
            while (true) {
                long n = Syscall.call(errno, SENDTO, fd, data.address(), length, MSG_NOSIGNAL, 0, 0);
                if (n >= 0) {
                    return; // a datagram-like socket sends the whole message or fails
                }
                int error = Libc.errno(errno);
                if (error != ErrnoException.EINTR) {
                    throw new ErrnoException("send to socket", path, error);
                }
            }
        } finally {
            leave();
        }
    }

    /** Tells the peer that nothing more will be sent (it reads end-of-file); receiving goes on. */
    public void shutdownOutput() throws ErrnoException {
        if (!enter()) {
            return;
        }
        try {
            shutdown(SHUT_WR);
        } finally {
            leave();
        }
    }

    /** Shuts the socket down in both directions, which wakes a blocked {@link #receive}, and releases it. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                shutdown(SHUT_RDWR);
            } catch (ErrnoException e) {
                // the peer may already be gone (ENOTCONN): closing is still right
            }
            releaseIfUnused();
        }
    }

    private boolean enter() {
        synchronized (lock) {
            if (closed) {
                return false;
            }
            callsInProgress++;
            return true;
        }
    }

    private void leave() {
        synchronized (lock) {
            callsInProgress--;
            releaseIfUnused();
        }
    }

    /** Closes the descriptor only when no call uses it, so that a reused number is never read or written. */
    private void releaseIfUnused() {
        if (closed && callsInProgress == 0 && !released) {
            released = true;
            Descriptors.closeQuietly(fd);
        }
    }

    private void shutdown(int how) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            if (Syscall.call(errno, SHUTDOWN, fd, how) != 0) {
                throw new ErrnoException("shut down socket", path, Libc.errno(errno));
            }
        }
    }

    private static int socket(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int fd = (int) Syscall.call(errno, SOCKET, AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
            if (fd < 0) {
                throw new ErrnoException("create socket for", path, Libc.errno(errno));
            }
            return fd;
        }
    }

    /** The kernel resolves {@code /proc/self/fd/N} to the directory itself, whatever the length of its path. */
    private static void connectThroughDirectory(int fd, Path path) throws ErrnoException {
        Path parent = path.toAbsolutePath().getParent();
        int dirFd = openDirectory(parent);
        try {
            byte[] name = ("/proc/self/fd/" + dirFd + "/" + path.getFileName()).getBytes(Libc.FILE_NAMES);
            if (name.length >= SUN_PATH_SIZE) {
                throw new ErrnoException("connect to socket", path, ErrnoException.ENAMETOOLONG);
            }
            connect(fd, name, path);
        } finally {
            Descriptors.closeQuietly(dirFd);
        }
    }

    private static void connect(int fd, byte[] name, Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment address = arena.allocate(SOCKADDR_UN_SIZE);
            address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
            MemorySegment.copy(name, 0, address, ValueLayout.JAVA_BYTE, 2, name.length);
            while (true) {
                if (Syscall.call(errno, CONNECT, fd, address.address(), SOCKADDR_UN_SIZE) == 0) {
                    return;
                }
                int error = Libc.errno(errno);
                if (error != ErrnoException.EINTR) {
                    throw new ErrnoException("connect to socket", path, error);
                }
            }
        }
    }

    private static int openDirectory(Path directory) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int dirFd = (int) Syscall.call(errno, OPENAT, Libc.AT_FDCWD, Libc.cString(arena, directory).address(),
                    O_PATH | Libc.O_DIRECTORY | O_CLOEXEC, 0);
            if (dirFd < 0) {
                throw new ErrnoException("open directory", directory, Libc.errno(errno));
            }
            return dirFd;
        }
    }
}
