package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.container.HostSettings;
import dev.strata.core.runtime.rootfs.ContainerPath;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.Mounts;
import dev.strata.core.volume.RootPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A container's file system as its processes see it, volumes and bind mounts included, for {@code cp}: Docker's
 * copies reach into a container's volumes, which the bare root filesystem only hides. A running container's is
 * its root seen through {@code /proc/PID/root}, in its own mount namespace (a tree read around a volume, such
 * as {@code /}, is read from the root filesystem and so leaves the volume out); a stopped one's is its root
 * filesystem with its volumes and binds mounted over it for the length of the work.
 */
final class ContainerFilesystem {
    private final ContainerRuntime rt;

    ContainerFilesystem(ContainerRuntime rt) {
        this.rt = rt;
    }

    /**
     * Where to find {@code containerPath} of a running container: its processes' own root, all mounts in place, to
     * write anywhere or to read in a volume, bind or tmpfs; else its root filesystem, since a tree read from
     * there would take in the container's /proc, /sys and /dev (which Docker's copies never see).
     */
    static Path runningRoot(Container c, String containerPath, boolean writing) {
        String path = ContainerPath.parse(containerPath).clean();
        boolean inMount = c.record().host().mounts().stream()
                .anyMatch(m -> path.equals(m.destination()) || path.startsWith(m.destination() + "/"));
        return writing || inMount ? Path.of("/proc", String.valueOf(c.state().pid()), "root") : c.paths().merged();
    }

    /** Runs {@code action} with the container's volumes and binds mounted on {@code rootfs}, a mounted root filesystem. */
    <T> T withMounts(Container c, Path rootfs, Containers.RootfsAction<T> action) {
        List<Path> mounted = new ArrayList<>();
        try {
            List<HostSettings.ContainerMount> mounts = c.record().host().mounts().stream()
                    .filter(m -> !"tmpfs".equals(m.type())) // a stopped container's tmpfs holds nothing
                    .sorted(Comparator.comparing(HostSettings.ContainerMount::destination))
                    .toList();
            for (HostSettings.ContainerMount m : mounts) {
                Path source = source(m);
                Path target = mountPoint(rootfs, m.destination(), Files.isDirectory(source));
                Mounts.mount(source.toString(), target, null, Mounts.MS_BIND, null);
                mounted.add(target);
                if (m.readOnly()) {
                    Mounts.mount(source.toString(), target, null,
                            Mounts.MS_BIND | Mounts.MS_REMOUNT | Mounts.MS_RDONLY, null);
                }
            }
            if (c.record().host().readOnlyRootfs()) {
                // as the running container has it: the root read-only, its volumes as they were mounted
                Mounts.mount("none", rootfs, null, Mounts.MS_BIND | Mounts.MS_REMOUNT | Mounts.MS_RDONLY, null);
            }
            return action.apply(rootfs);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot mount the volumes of " + c.name()
                    + ": " + e.getMessage(), e);
        } finally {
            for (Path target : mounted.reversed()) {
                try {
                    Mounts.unmount(target, Mounts.MNT_DETACH);
                } catch (ErrnoException e) {
                    // the root filesystem's own unmount detaches what is left
                }
            }
        }
    }

    private Path source(HostSettings.ContainerMount m) {
        if ("volume".equals(m.type())) {
            return rt.volumes.find(m.name()).map(v -> v.mountpoint()).orElse(Path.of(m.source()));
        }
        return Path.of(m.source());
    }

    /** Where the mount goes in the root filesystem, made as runc makes it at start when it is missing. */
    private static Path mountPoint(Path rootfs, String destination, boolean directory) throws IOException {
        Path target = RootPaths.resolve(rootfs, destination);
        if (directory) {
            Files.createDirectories(target);
        } else if (!Files.exists(target)) {
            Files.createDirectories(target.getParent());
            Files.createFile(target);
        }
        return target;
    }
}
