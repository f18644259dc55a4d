package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.ADDRESS;
import static dev.strata.core.sys.Libc.INT;
import static dev.strata.core.sys.SystemCall.IOCTL;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;

/**
 * Terminals: whether a file descriptor is one (decides progress bars, and refusing to write an archive to a
 * screen), raw mode for {@code run -it} and {@code attach}, and the window size. Stateless and thread-safe.
 *
 * <p>The window size is a plain {@code ioctl(2)} through {@link Syscall}; the settings go through the C
 * library's own functions, because glibc's {@code struct termios} is not the kernel's and {@code cfmakeraw}
 * is glibc's idea of raw. Those few handles are linked on first use, each in a holder class of its own, and only
 * commands that use a terminal ({@code -t}, progress bars) meet them.
 */
public final class Terminals {
    public static final int STDIN = 0;
    public static final int STDOUT = 1;
    public static final int STDERR = 2;

    private static final long TIOCGWINSZ = 0x5413;
    private static final long TIOCSWINSZ = 0x5414;
    private static final int TCSANOW = 0;
    /** glibc's struct termios is 60 bytes on 64-bit Linux; a little more room costs nothing. */
    private static final long TERMIOS_SIZE = 64;
    private static final long WINSIZE_SIZE = 8;

    private Terminals() {}

    public static boolean isTerminal(int fd) {
        try {
            return (int) Isatty.HANDLE.invokeExact(fd) == 1;
        } catch (Throwable t) {
            throw new AssertionError("isatty cannot fail", t);
        }
    }

    /**
     * Puts the terminal on {@code fd} into raw mode (no echo, no line editing, no signals from ^C, bytes passed
     * as they are typed), as {@code cfmakeraw(3)} defines it, so that a container's own terminal does that work.
     * Close the result to restore the previous settings.
     *
     * @throws ErrnoException {@code ENOTTY} when {@code fd} is not a terminal
     */
    public static RawTerminal rawMode(int fd) throws ErrnoException {
        byte[] saved = attributes(fd);
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment termios = arena.allocate(TERMIOS_SIZE, 4);
            MemorySegment.copy(saved, 0, termios, ValueLayout.JAVA_BYTE, 0, saved.length);
            Cfmakeraw.HANDLE.invokeExact(termios);
            setAttributes(fd, termios);
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
        return new RawTerminal(fd, saved);
    }

    /** The window size of the terminal on {@code fd}; empty when it is not a terminal. */
    public static Optional<WindowSize> windowSize(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment winsize = arena.allocate(WINSIZE_SIZE, 2);
            if (Syscall.call(errno, IOCTL, fd, TIOCGWINSZ, winsize.address()) != 0) {
                return Optional.empty();
            }
            int rows = Short.toUnsignedInt(winsize.get(ValueLayout.JAVA_SHORT, 0));
            int columns = Short.toUnsignedInt(winsize.get(ValueLayout.JAVA_SHORT, 2));
            return Optional.of(new WindowSize(rows, columns));
        }
    }

    /** Sets the window size of the terminal on {@code fd}; its foreground processes get SIGWINCH. */
    public static void setWindowSize(int fd, WindowSize size) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment winsize = arena.allocate(WINSIZE_SIZE, 2);
            winsize.set(ValueLayout.JAVA_SHORT, 0, (short) size.rows());
            winsize.set(ValueLayout.JAVA_SHORT, 2, (short) size.columns());
            if (Syscall.call(errno, IOCTL, fd, TIOCSWINSZ, winsize.address()) != 0) {
                throw new ErrnoException("set the window size of terminal", "fd " + fd, Libc.errno(errno));
            }
        }
    }

    static byte[] attributes(int fd) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment termios = arena.allocate(TERMIOS_SIZE, 4);
            if ((int) Tcgetattr.HANDLE.invokeExact(errno, fd, termios) != 0) {
                throw new ErrnoException("read the settings of terminal", "fd " + fd, Libc.errno(errno));
            }
            return termios.toArray(ValueLayout.JAVA_BYTE);
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    static void setAttributes(int fd, byte[] attributes) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            setAttributes(fd, Libc.bytes(arena, attributes));
        }
    }

    private static void setAttributes(int fd, MemorySegment termios) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            if ((int) Tcsetattr.HANDLE.invokeExact(errno, fd, TCSANOW, termios) != 0) {
                throw new ErrnoException("change the settings of terminal", "fd " + fd, Libc.errno(errno));
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    /** The C library's terminal functions, linked ahead of use: for {@link NativeLinks#linkAll}. */
    static List<MethodHandle> handles() {
        return List.of(Isatty.HANDLE, Tcgetattr.HANDLE, Tcsetattr.HANDLE, Cfmakeraw.HANDLE);
    }

    // One holder class per handle: the JVM links each on the first read of its HANDLE, once, thread-safely.

    private static final class Isatty {
        static final MethodHandle HANDLE = Libc.plain("isatty", FunctionDescriptor.of(INT, INT));
    }

    private static final class Tcgetattr {
        static final MethodHandle HANDLE = Libc.withErrno("tcgetattr", FunctionDescriptor.of(INT, INT, ADDRESS));
    }

    private static final class Tcsetattr {
        static final MethodHandle HANDLE =
                Libc.withErrno("tcsetattr", FunctionDescriptor.of(INT, INT, INT, ADDRESS));
    }

    private static final class Cfmakeraw {
        static final MethodHandle HANDLE = Libc.plain("cfmakeraw", FunctionDescriptor.ofVoid(ADDRESS));
    }
}
