package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;

/**
 * Every system call of this package, through one downcall: the C library's {@code long syscall(long number, ...)}
 * with six {@code long} arguments after the number. The FFM linker makes a stub, and dozens of classes, per call
 * shape, which on a fresh JVM costs more CPU than a short command has to spare; one shape for all calls pays
 * that once. Arguments the call does not take are passed as 0, which the kernel ignores. A pointer travels as
 * {@link MemorySegment#address()} of a segment that must stay alive during the call (the caller's arena);
 * {@code MemorySegment.NULL.address()} is 0. Like the C library's wrappers, a call returns -1 and leaves the
 * errno in the capture segment on failure. Stateless and thread-safe.
 */
final class Syscall {
    /** {@code long syscall(long, ...)}: the number is the one fixed argument, the kernel's six are variadic. */
    static final FunctionDescriptor SHAPE =
            FunctionDescriptor.of(LONG, LONG, LONG, LONG, LONG, LONG, LONG, LONG);

    /** The one handle; its first argument is the errno capture segment. Linked when this class initialises. */
    static final MethodHandle HANDLE = Libc.withErrnoVariadic("syscall", SHAPE, 1);

    private Syscall() {}

    static long call(MemorySegment errno, SystemCall call) {
        return invoke(errno, call.number(), 0, 0, 0, 0, 0, 0);
    }

    static long call(MemorySegment errno, SystemCall call, long a1) {
        return invoke(errno, call.number(), a1, 0, 0, 0, 0, 0);
    }

    static long call(MemorySegment errno, SystemCall call, long a1, long a2) {
        return invoke(errno, call.number(), a1, a2, 0, 0, 0, 0);
    }

    static long call(MemorySegment errno, SystemCall call, long a1, long a2, long a3) {
        return invoke(errno, call.number(), a1, a2, a3, 0, 0, 0);
    }

    static long call(MemorySegment errno, SystemCall call, long a1, long a2, long a3, long a4) {
        return invoke(errno, call.number(), a1, a2, a3, a4, 0, 0);
    }

    static long call(MemorySegment errno, SystemCall call, long a1, long a2, long a3, long a4, long a5) {
        return invoke(errno, call.number(), a1, a2, a3, a4, a5, 0);
    }

    static long call(MemorySegment errno, SystemCall call, long a1, long a2, long a3, long a4, long a5, long a6) {
        return invoke(errno, call.number(), a1, a2, a3, a4, a5, a6);
    }

    // The one call site of the handle: the JVM links one invoker for it, shared by every system call.
    private static long invoke(MemorySegment errno, long number, long a1, long a2, long a3, long a4, long a5,
            long a6) {
        try {
            return (long) HANDLE.invokeExact(errno, number, a1, a2, a3, a4, a5, a6);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            // A downcall throws nothing checked; this would be a bug in the JDK.
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }
}
