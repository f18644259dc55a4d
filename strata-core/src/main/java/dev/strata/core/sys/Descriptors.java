package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.ADDRESS;
import static dev.strata.core.sys.Libc.INT;
import static dev.strata.core.sys.Libc.LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/** {@code close(2)} and {@code read(2)} on raw descriptors, for the classes of this package that hold one. */
final class Descriptors {
    private static final MethodHandle CLOSE = Libc.withErrno("close", FunctionDescriptor.of(INT, INT));
    private static final MethodHandle READ = Libc.withErrno("read", FunctionDescriptor.of(LONG, INT, ADDRESS, LONG));

    private Descriptors() {}

    /**
     * Closes {@code fd}. A failed close of a descriptor that was only read or used for lookups loses nothing,
     * and Linux frees the descriptor even then, so there is nothing to report.
     */
    static void closeQuietly(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) CLOSE.invokeExact(Libc.errnoSegment(arena), fd);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    /** Reads at most {@code buffer.byteSize()} bytes; the count, or -1 on any error. */
    static long read(int fd, MemorySegment buffer) {
        try (Arena arena = Arena.ofConfined()) {
            return (long) READ.invokeExact(Libc.errnoSegment(arena), fd, buffer, buffer.byteSize());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }
}
