package dev.strata.core.sys;

import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Every C library function of {@link LibcFunction} through the downcall stub {@link Syscall} already links, for
 * the reason that class exists: on a fresh JVM the FFM linker's cost is per call shape (a stub and dozens of
 * classes, some 25 ms of CPU), not per function. The shape is {@code syscall}'s: six {@code long} arguments after
 * one fixed {@code long}, errno captured. The functions called this way are not variadic and take at most six
 * integer or pointer arguments, and on Linux x86-64 and arm64 that is safe: variadic integer arguments travel in
 * the same registers as fixed ones (x86-64 only adds a count of vector registers in {@code al}, which a
 * non-variadic callee ignores), a callee ignores the registers beyond its parameters, an {@code int} argument is
 * the low half of its register, and an {@code int} result the low half of the {@code long} returned, hence the
 * cast in {@link #invoke}. These functions return their error number rather than setting errno; the captured
 * errno is not read. Stateless and thread-safe.
 */
final class LibcCall {
    /** The address of the function comes first, then Syscall's arguments; linked when this class initialises. */
    private static final MethodHandle HANDLE = Libc.withErrnoVariadicAnyAddress(Syscall.SHAPE, 1);

    private LibcCall() {}

    /** Calls {@code function} with the arguments it takes, zeros for the rest; its {@code int} result. */
    static int call(MemorySegment errno, LibcFunction function, long a1) {
        return invoke(errno, function, a1, 0, 0, 0, 0, 0);
    }

    static int call(MemorySegment errno, LibcFunction function, long a1, long a2) {
        return invoke(errno, function, a1, a2, 0, 0, 0, 0);
    }

    static int call(MemorySegment errno, LibcFunction function, long a1, long a2, long a3) {
        return invoke(errno, function, a1, a2, a3, 0, 0, 0);
    }

    static int call(MemorySegment errno, LibcFunction function, long a1, long a2, long a3, long a4, long a5) {
        return invoke(errno, function, a1, a2, a3, a4, a5, 0);
    }

    static int call(MemorySegment errno, LibcFunction function, long a1, long a2, long a3, long a4, long a5,
            long a6) {
        return invoke(errno, function, a1, a2, a3, a4, a5, a6);
    }

    /**
     * Calls the function at {@code address}, of another library, under the same conditions as those of {@link
     * LibcFunction}: not variadic, at most three integer or pointer arguments here, an {@code int} result.
     */
    static int callAt(MemorySegment errno, MemorySegment address, long a1, long a2, long a3) {
        return invoke(errno, address, a1, a2, a3, 0, 0, 0);
    }

    private static int invoke(MemorySegment errno, LibcFunction function, long a1, long a2, long a3, long a4,
            long a5, long a6) {
        return invoke(errno, function.address(), a1, a2, a3, a4, a5, a6);
    }

    // The one call site of the handle, as in Syscall: one invoker for every function. The function's first
    // argument takes the place of syscall's number; the seventh long is never read.
    private static int invoke(MemorySegment errno, MemorySegment address, long a1, long a2, long a3, long a4,
            long a5, long a6) {
        try {
            return (int) (long) HANDLE.invokeExact(address, errno, a1, a2, a3, a4, a5, a6, 0L);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }
}
