package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Every C library function of {@link LibcFunction} through one downcall of one shape,
 * {@code long f(long, long, long, long, long, long)}, for the reason {@link Syscall} exists: the FFM linker's cost
 * on a fresh JVM is per call shape, not per function. The handle takes the function's address as its first
 * argument. On x86-64 and arm64 a callee ignores argument registers it does not declare, so a function of fewer
 * arguments gets zeros in the rest; an {@code int} argument travels in the low half of its register, and an
 * {@code int} result is the low half of the {@code long} returned, hence the cast in {@link #call}. These functions
 * return their error number rather than setting errno, so nothing is captured. Stateless and thread-safe.
 */
final class LibcCall {
    private static final FunctionDescriptor SHAPE = FunctionDescriptor.of(LONG, LONG, LONG, LONG, LONG, LONG, LONG);

    /** Linked when this class initialises. */
    private static final MethodHandle HANDLE = Libc.plainAnyAddress(SHAPE);

    private LibcCall() {}

    /** Calls {@code function} with the arguments it takes, zeros for the rest; its {@code int} result. */
    static int call(LibcFunction function, long a1) {
        return invoke(function.address(), a1, 0, 0, 0, 0, 0);
    }

    static int call(LibcFunction function, long a1, long a2) {
        return invoke(function.address(), a1, a2, 0, 0, 0, 0);
    }

    static int call(LibcFunction function, long a1, long a2, long a3) {
        return invoke(function.address(), a1, a2, a3, 0, 0, 0);
    }

    static int call(LibcFunction function, long a1, long a2, long a3, long a4, long a5) {
        return invoke(function.address(), a1, a2, a3, a4, a5, 0);
    }

    static int call(LibcFunction function, long a1, long a2, long a3, long a4, long a5, long a6) {
        return invoke(function.address(), a1, a2, a3, a4, a5, a6);
    }

    // The one call site of the handle, as in Syscall: one invoker for every function.
    private static int invoke(MemorySegment function, long a1, long a2, long a3, long a4, long a5, long a6) {
        try {
            return (int) (long) HANDLE.invokeExact(function, a1, a2, a3, a4, a5, a6);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }
}
