package dev.strata.core.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * How this package links and calls the C library: the linker, errno capture, C strings. The handles themselves
 * are {@link Syscall}'s one handle for every system call and {@link Terminals}' for the C library's terminal
 * functions. Every handle that can fail captures {@code errno} into a segment passed as its first argument,
 * because errno read after the call returns to Java may already belong to another call of the JVM.
 */
final class Libc {
    static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT;
    static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG;
    static final ValueLayout ADDRESS = ValueLayout.ADDRESS;

    static final int AT_FDCWD = -100;
    static final int AT_SYMLINK_NOFOLLOW = 0x100;

    /**
     * The two {@code open} flags this package uses whose values differ between x86-64 and arm64 (the kernel's
     * {@code asm/fcntl.h}); the other flags are the generic ones on both.
     */
    private static final boolean ARM64 = "aarch64".equals(System.getProperty("os.arch"));
    static final int O_DIRECTORY = ARM64 ? 040000 : 0200000;
    static final int O_NOFOLLOW = ARM64 ? 0100000 : 0400000;

    /**
     * File names go to the kernel in the encoding the JDK itself uses for them, so that a path made
     * here and the same path opened through java.nio name one file.
     */
    static final Charset FILE_NAMES = fileNameCharset();

    private static final Linker LINKER = Linker.nativeLinker();
    private static final StructLayout CAPTURE_LAYOUT = Linker.Option.captureStateLayout();
    /**
     * Where errno sits in the capture segment, found by walking the struct's members (padding included) rather
     * than with a layout path's VarHandle, whose machinery costs ~5 ms of a command's start.
     */
    private static final long ERRNO_OFFSET = errnoOffset();
    private static final Linker.Option CAPTURE_ERRNO = Linker.Option.captureCallState("errno");

    private Libc() {}

    /** A handle to {@code name} whose first argument is the errno capture segment. */
    @SuppressWarnings("restricted") // this package is where native access is meant to be
    static MethodHandle withErrno(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor, CAPTURE_ERRNO);
    }

    /**
     * A handle to a variadic function such as {@code syscall}, whose first argument is the errno capture segment;
     * {@code firstVariadic} counts the fixed arguments of the C function.
     */
    @SuppressWarnings("restricted")
    static MethodHandle withErrnoVariadic(String name, FunctionDescriptor descriptor, int firstVariadic) {
        return LINKER.downcallHandle(symbol(name), descriptor, CAPTURE_ERRNO,
                Linker.Option.firstVariadicArg(firstVariadic));
    }

    /** A handle to a function that cannot fail, such as {@code geteuid}. */
    @SuppressWarnings("restricted")
    static MethodHandle plain(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(symbol(name), descriptor);
    }

    /**
     * Like {@link #withErrnoVariadic}, but for any function: the handle's first argument is the function's address
     * (see {@link #symbol}), its second the errno capture segment. The linker keeps one stub per descriptor and
     * options, so this shares the stub of a {@link #withErrnoVariadic} handle of the same shape.
     */
    @SuppressWarnings("restricted")
    static MethodHandle withErrnoVariadicAnyAddress(FunctionDescriptor descriptor, int firstVariadic) {
        return LINKER.downcallHandle(descriptor, CAPTURE_ERRNO, Linker.Option.firstVariadicArg(firstVariadic));
    }

    /** The address of the C library's function {@code name}. */
    static MemorySegment symbol(String name) {
        return LINKER.defaultLookup().find(name)
                .orElseThrow(() -> new UnsatisfiedLinkError("the C library has no " + name));
    }

    static MemorySegment errnoSegment(Arena arena) {
        return arena.allocate(CAPTURE_LAYOUT);
    }

    static int errno(MemorySegment state) {
        return state.get(INT, ERRNO_OFFSET);
    }

    static MemorySegment cString(Arena arena, Path path) {
        return arena.allocateFrom(path.toString(), FILE_NAMES);
    }

    static MemorySegment cString(Arena arena, String text) {
        return arena.allocateFrom(text, FILE_NAMES);
    }

    static MemorySegment bytes(Arena arena, byte[] bytes) {
        MemorySegment segment = arena.allocate(Math.max(1, bytes.length));
        MemorySegment.copy(bytes, 0, segment, ValueLayout.JAVA_BYTE, 0, bytes.length);
        return segment;
    }

    private static Charset fileNameCharset() {
        String name = System.getProperty("sun.jnu.encoding");
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static long errnoOffset() {
        long offset = 0;
        for (MemoryLayout member : CAPTURE_LAYOUT.memberLayouts()) {
            if (member.name().filter("errno"::equals).isPresent()) {
                return offset;
            }
            offset += member.byteSize();
        }
        throw new UnsatisfiedLinkError("the linker captures no errno here");
    }
}
