package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.snapshot.overlay.OverlayMount;
import dev.strata.core.sys.AtomicFiles;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * How a container's root file system is made, by the names podman and Docker give their drivers: an overlayfs mount of
 * the image's snapshots under the container's upper dir, or ({@code vfs}) a plain copy of the image, where overlayfs
 * cannot mount. A container keeps the driver it was created with; its directory tells which ({@link #of}).
 */
enum StorageDriver {
    OVERLAY("overlay"),
    VFS("vfs");

    /**
     * How a kernel says overlayfs cannot be had here: not built in (ENODEV), not permitted (EPERM, EACCES), or not on
     * this file system (EINVAL: "upper fs missing required features", "not supported as upperdir").
     */
    private static final Set<Integer> UNSUPPORTED = Set.of(ErrnoException.ENODEV, ErrnoException.EPERM,
            ErrnoException.EACCES, ErrnoException.EINVAL, ErrnoException.ENOTSUP);

    private final String driverName;

    StorageDriver(String driverName) {
        this.driverName = driverName;
    }

    /** The name users give and {@code inspect} shows. */
    String driverName() {
        return driverName;
    }

    /** The name Docker's {@code inspect} shows ({@code overlay2} for its overlay driver). */
    String dockerName() {
        return this == OVERLAY ? "overlay2" : driverName;
    }

    /** The driver {@code name} names. */
    static StorageDriver parse(String name) {
        for (StorageDriver driver : values()) {
            if (driver.driverName.equals(name)) {
                return driver;
            }
        }
        throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "unknown storage driver \"" + name
                + "\": use " + Arrays.stream(values()).map(d -> d.driverName).collect(Collectors.joining(" or ")));
    }

    /**
     * The driver for new containers of a store without a choice of its own: the one {@code record} names, else
     * overlay if an overlay mount works in the directory {@code probeDir} gives (a new, empty one on the store's file
     * system, removed after), else vfs; the choice is written to {@code record}. A mount that fails for another reason than
     * overlayfs's absence, refusal or lack of support for the file system (a full disk, say) is an error, and
     * decides nothing.
     */
    static StorageDriver forStore(Path record, Supplier<Path> probeDir) {
        try {
            return parse(Files.readString(record, StandardCharsets.US_ASCII).strip());
        } catch (NoSuchFileException e) {
            // not chosen yet
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read " + record + ": " + e.getMessage(), e);
        }
        StorageDriver chosen = overlayMounts(probeDir.get()) ? OVERLAY : VFS;
        try {
            Files.createDirectories(record.getParent());
            AtomicFiles.write(record, (chosen.driverName + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot write " + record + ": " + e.getMessage(), e);
        }
        return chosen;
    }

    private static boolean overlayMounts(Path dir) {
        try {
            List<Path> dirs = new ArrayList<>();
            for (String name : List.of("lower", "upper", "work", "merged")) {
                dirs.add(Files.createDirectory(dir.resolve(name)));
            }
            OverlayMount mount = new OverlayMount(List.of(dirs.get(0)), dirs.get(1), dirs.get(2));
            try {
                mount.mount(dirs.get(3));
            } catch (StrataException e) {
                if (overlayUnavailable(e)) {
                    return false;
                }
                throw e;
            }
            mount.unmount(dirs.get(3));
            return true;
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot try an overlay mount in " + dir + ": "
                    + e.getMessage(), e);
        } finally {
            try {
                FileTrees.delete(dir);
            } catch (IOException e) {
                // a scratch directory: swept with the process's others
            }
        }
    }

    /** Whether an overlay mount failed because overlayfs cannot be had here, not for a passing reason. */
    static boolean overlayUnavailable(StrataException e) {
        return e.getCause() instanceof ErrnoException errno && UNSUPPORTED.contains(errno.errno());
    }

    /** The driver {@code c} was created with. */
    static StorageDriver of(Container c) {
        return Files.isDirectory(c.paths().rootfs()) ? VFS : OVERLAY;
    }
}
