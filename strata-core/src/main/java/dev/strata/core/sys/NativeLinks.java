package dev.strata.core.sys;

import dev.strata.core.sys.Downcalls.Chmod;
import dev.strata.core.sys.Downcalls.Close;
import dev.strata.core.sys.Downcalls.Connect;
import dev.strata.core.sys.Downcalls.Fchmod;
import dev.strata.core.sys.Downcalls.Fchown;
import dev.strata.core.sys.Downcalls.Fsconfig;
import dev.strata.core.sys.Downcalls.Fsmount;
import dev.strata.core.sys.Downcalls.Fsopen;
import dev.strata.core.sys.Downcalls.Futimens;
import dev.strata.core.sys.Downcalls.Geteuid;
import dev.strata.core.sys.Downcalls.Ioctl;
import dev.strata.core.sys.Downcalls.Lchown;
import dev.strata.core.sys.Downcalls.Lgetxattr;
import dev.strata.core.sys.Downcalls.Llistxattr;
import dev.strata.core.sys.Downcalls.Mkdir;
import dev.strata.core.sys.Downcalls.Mount;
import dev.strata.core.sys.Downcalls.MoveMount;
import dev.strata.core.sys.Downcalls.Open;
import dev.strata.core.sys.Downcalls.Recv;
import dev.strata.core.sys.Downcalls.Send;
import dev.strata.core.sys.Downcalls.Shutdown;
import dev.strata.core.sys.Downcalls.Socket;
import dev.strata.core.sys.Downcalls.Statx;
import dev.strata.core.sys.Downcalls.Symlink;
import dev.strata.core.sys.Downcalls.Umount2;
import dev.strata.core.sys.Downcalls.Unshare;
import dev.strata.core.sys.Downcalls.Utimensat;
import dev.strata.core.sys.Downcalls.Write;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.List;

/**
 * Links this package's native calls ahead of use. Each C function is linked the first time it is called, and
 * the linker generates a stub per call shape, milliseconds apiece on a fresh JVM: running a container meets
 * a dozen of them one after another. A caller with a spare core links them on another thread while its main
 * thread does other work; each is linked once, so either thread may get there first. Thread-safe.
 */
public final class NativeLinks {
    private NativeLinks() {}

    /**
     * Links the calls that running a container makes: {@code lstat}, the mount API and {@code mount(2)} for the
     * root file system, the network namespace, and the monitor's attach socket; not the rarer ones (the
     * terminal's resize FIFO, the kernel's mount messages), which link when first used.
     */
    public static void linkForContainers() {
        forContainers();
    }

    /**
     * Links the calls that reading a container's changes and unpacking a layer into a snapshot make
     * ({@code commit}, {@code build}, {@code load}, {@code import}, {@code pull}): {@code lstat}, extended
     * attributes, and the making of directories, files and links with their owners, modes and times.
     */
    public static void linkForLayers() {
        forLayers();
    }

    /**
     * Links every native call of this package: some 200 ms of CPU on a fresh JVM (a group above costs some
     * 130 ms, half of it the first link of any), so only for a caller that will make most of them, or to check
     * that the C library has every function.
     */
    public static void linkAll() {
        MethodHandles.Lookup lookup = MethodHandles.lookup();
        for (Class<?> holder : Downcalls.class.getDeclaredClasses()) {
            try {
                lookup.ensureInitialized(holder);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("cannot link the native call of " + holder, e);
            }
        }
    }

    /**
     * The handles {@link #linkForContainers} links, in the order {@code run --rm busybox true} first calls them;
     * {@code send} is there for {@code run -i}, and costs little after {@code recv}, whose shape it shares.
     */
    static List<MethodHandle> forContainers() {
        // Reading each holder's HANDLE is what links it.
        return List.of(Statx.HANDLE, Fsopen.HANDLE, Fsconfig.HANDLE, Fsmount.HANDLE, MoveMount.HANDLE,
                Close.HANDLE, Umount2.HANDLE, Unshare.HANDLE, Socket.HANDLE, Ioctl.HANDLE, Mount.HANDLE,
                Connect.HANDLE, Recv.HANDLE, Send.HANDLE, Shutdown.HANDLE);
    }

    /** The handles {@link #linkForLayers} links, in the order {@code commit} first calls them. */
    static List<MethodHandle> forLayers() {
        return List.of(Geteuid.HANDLE, Statx.HANDLE, Llistxattr.HANDLE, Lgetxattr.HANDLE, Mkdir.HANDLE,
                Lchown.HANDLE, Chmod.HANDLE, Open.HANDLE, Write.HANDLE, Fchown.HANDLE, Fchmod.HANDLE,
                Futimens.HANDLE, Close.HANDLE, Utimensat.HANDLE, Symlink.HANDLE);
    }
}
