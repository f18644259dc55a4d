package dev.strata.core.sys;

import java.lang.invoke.MethodHandles;

/**
 * Links this package's native calls ahead of use. Each class here makes its downcall handles when it is first
 * used, and the linker generates a stub per call shape, some 2 ms apiece on a fresh JVM: running a container
 * meets dozens of them one after another. A caller with a spare core links them all on another thread while
 * its main thread does other work; class initialisation runs once, so either thread may get there first.
 */
public final class NativeLinks {
    private NativeLinks() {}

    /** Initialises every class of this package that holds downcall handles, in the order a container run needs them. */
    public static void linkAll() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> type : new Class<?>[] {FsContext.class, Mounts.class, Descriptors.class, PathHandle.class,
                Namespaces.class, SeqPacketSocket.class, Processes.class, Fifos.class, MountPoints.class,
                PosixFiles.class, Credentials.class, NewFile.class, Terminals.class, Xattrs.class}) {
            try {
                lookup.ensureInitialized(type);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot link the native calls of " + type, e);
            }
        }
    }
}
