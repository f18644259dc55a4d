package dev.strata.core.sys;

import dev.strata.core.sys.Downcalls.Close;
import dev.strata.core.sys.Downcalls.Read;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/** {@code close(2)} and {@code read(2)} on raw descriptors, for the classes of this package that hold one. */
final class Descriptors {
    private Descriptors() {}

    /**
     * Closes {@code fd}. A failed close of a descriptor that was only read or used for lookups loses nothing,
     * and Linux frees the descriptor even then, so there is nothing to report.
     */
    static void closeQuietly(int fd) {
        try (Arena arena = Arena.ofConfined()) {
            int ignored = (int) Close.HANDLE.invokeExact(Libc.errnoSegment(arena), fd);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    /** Reads at most {@code buffer.byteSize()} bytes; the count, or -1 on any error. */
    static long read(int fd, MemorySegment buffer) {
        try (Arena arena = Arena.ofConfined()) {
            return (long) Read.HANDLE.invokeExact(Libc.errnoSegment(arena), fd, buffer, buffer.byteSize());
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }
}
