package dev.strata.core.sys;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Links this package's native calls ahead of use. Every system call goes through one downcall handle
 * ({@link Syscall}), whose linking costs some 30 ms of CPU on a fresh JVM with the ahead-of-time cache (the
 * linker generates a stub and dozens of classes the cache cannot keep; the 15 handles of a dozen shapes that
 * running a container used to link cost some 95 ms). A caller with a spare core links it on another thread
 * while its main thread does other work; the handle is linked once, so either thread may get there first.
 * Thread-safe.
 */
public final class NativeLinks {
    private NativeLinks() {}

    /**
     * Links what running a container needs: the one system call handle, which serves {@code statx}, the mount
     * API and {@code mount(2)}, the network namespace and the monitor's attach socket alike, and through the same
     * stub the C library's {@code posix_spawn} family ({@link Spawn}), which starts the monitor and the runtime.
     */
    public static void linkForContainers() {
        linkSystemCalls();
        linkSpawn();
        warmSegments();
    }

    /**
     * Links what reading a container's changes and unpacking a layer into a snapshot need ({@code commit},
     * {@code build}, {@code load}, {@code import}, {@code pull}): the same one system call handle, and libcrypto,
     * which hashes them.
     */
    public static void linkForLayers() {
        linkSystemCalls();
        NativeSha256.isNative(); // loads libcrypto and finds its SHA-256 functions: every layer is hashed
    }

    /**
     * Links every native call of this package: the system call handle and the C library's terminal functions,
     * which only commands with a terminal meet (four shapes more: some 50 ms in all); for a caller that will use
     * a terminal, or to check that the C library has every function.
     */
    public static void linkAll() {
        linkSystemCalls();
        linkSpawn();
        Terminals.handles();
    }

    /**
     * Writes a path and an argument vector into native memory once, as the first real call would: the var handles
     * behind {@code allocateFrom} and {@code setAtIndex} are spun on first use, some 10 ms of CPU on a fresh JVM
     * (run --rm 6 ms sooner in paired runs here; no change measured for commit).
     */
    private static void warmSegments() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment argv = arena.allocate(ValueLayout.ADDRESS, 2);
            argv.setAtIndex(ValueLayout.ADDRESS, 0, Libc.cString(arena, java.nio.file.Path.of("/")));
            argv.setAtIndex(ValueLayout.ADDRESS, 1, MemorySegment.NULL);
            arena.allocate(ValueLayout.JAVA_LONG, 4).setAtIndex(ValueLayout.JAVA_LONG, 0, 0L);
            Libc.errno(Libc.errnoSegment(arena));
        }
    }

    /**
     * Makes {@link LibcCall}'s handle, which shares the system call handle's stub, and calls through it once
     * ({@code sigemptyset}): its own call site's invoker is linked on the first call.
     */
    private static void linkSpawn() {
        try (Arena arena = Arena.ofConfined()) {
            LibcCall.call(Libc.errnoSegment(arena), LibcFunction.SIGEMPTYSET, arena.allocate(128, 8).address());
        }
    }

    /**
     * Links the handle and makes one harmless call ({@code geteuid}) through it: the first call also links the
     * invoker of the handle's one call site (some 1.5 ms), work the first real call would otherwise do.
     */
    private static void linkSystemCalls() {
        try (Arena arena = Arena.ofConfined()) {
            Syscall.call(Libc.errnoSegment(arena), SystemCall.GETEUID);
        }
    }
}
