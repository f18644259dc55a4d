package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.CLOSE;
import static dev.strata.core.sys.SystemCall.READ;

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
            Syscall.call(Libc.errnoSegment(arena), CLOSE, fd);
        }
    }

    /** Reads at most {@code buffer.byteSize()} bytes; the count, or -1 on any error. */
    static long read(int fd, MemorySegment buffer) {
        try (Arena arena = Arena.ofConfined()) {
            return Syscall.call(Libc.errnoSegment(arena), READ, fd, buffer.address(), buffer.byteSize());
        }
    }
}
