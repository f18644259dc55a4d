package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.LayerWriter;
import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerPaths;
import dev.strata.core.oci.Digest;
import dev.strata.core.snapshot.Snapshotter;
import dev.strata.core.snapshot.copy.CopyChanges;
import dev.strata.core.snapshot.copy.MergedCopy;
import dev.strata.core.snapshot.overlay.OverlayMount;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileTrees;
import dev.strata.core.sys.Mounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A container's writable layer, whichever {@link StorageDriver} made it: creating it, mounting the root file system on
 * the container's merged dir, reading the changes and turning them into a layer. Under overlay the changes are the
 * upper dir ({@link UpperHandover} for a stopped container's commit); under vfs they are found by comparing the
 * container's copy with its image ({@link CopyChanges}) into a directory of the container's that lives as long as the
 * reading. Stateless.
 */
final class WritableLayer {
    private WritableLayer() {}

    /** The image side of a container's file system, top first: its init layer, then its image's snapshots. */
    static List<Path> lowers(ContainerPaths paths, List<Digest> chain, Snapshotter snapshots) {
        List<Path> lowers = new ArrayList<>();
        if (Files.isDirectory(paths.init())) {
            lowers.add(paths.init());
        }
        lowers.addAll(snapshots.diffDirectoriesTopFirst(chain));
        return lowers;
    }

    static List<Path> lowers(Container c, Snapshotter snapshots) {
        return lowers(c.paths(), c.record().layers(), snapshots);
    }

    /** Makes the writable layer of a new container, whose init layer is in place, in {@code paths}. */
    static void create(StorageDriver driver, ContainerPaths paths, List<Digest> chain, Snapshotter snapshots)
            throws IOException {
        if (driver == StorageDriver.VFS) {
            Files.createDirectory(paths.rootfs());
            MergedCopy.copy(lowers(paths, chain, snapshots), paths.rootfs(), MergedCopy.Contents.COPIED);
        } else {
            Files.createDirectory(paths.upper());
            Files.createDirectory(paths.work());
        }
        Files.createDirectory(paths.merged());
    }

    /**
     * Mounts {@code c}'s root file system on its merged dir (whatever was mounted there is unmounted first): its
     * overlay (without syncs for a {@code --rm} container), its changes given back first if a commit took them, or
     * its copy, bind-mounted. The caller holds the lock.
     */
    static void mount(Container c, Snapshotter snapshots) {
        Path merged = c.paths().merged();
        OverlayMount.unmountIfMounted(merged);
        if (StorageDriver.of(c) == StorageDriver.VFS) {
            try {
                Mounts.mount(c.paths().rootfs().toString(), merged, null, Mounts.MS_BIND, null);
            } catch (ErrnoException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot mount the root file system of container "
                        + c.record().shortId() + ": " + e.getMessage(), e);
            }
        } else {
            UpperHandover.restore(c, snapshots);
            OverlayMount overlay = new OverlayMount(lowers(c, snapshots), c.paths().upper(), c.paths().work());
            if (c.record().host().autoRemove()) {
                // Thrown away when it ends (--rm): nothing of it need reach the disk, and its unmount need not wait.
                overlay = overlay.withoutSyncs();
                overlay.allowRemount(); // a restart
            }
            overlay.mount(merged);
        }
    }

    /**
     * Reads what {@code c} changed, in the form of an overlay upper dir: {@code read} is given the tree, which under
     * vfs exists only while it reads.
     */
    static <T> T read(Container c, Snapshotter snapshots, Function<Path, T> read) {
        if (StorageDriver.of(c) == StorageDriver.OVERLAY) {
            return read.apply(UpperHandover.changes(c, snapshots));
        }
        Path changes = compare(c, snapshots);
        try {
            return read.apply(changes);
        } finally {
            delete(changes);
        }
    }

    /**
     * {@code c}'s changes as a new layer whose tar {@code tar} writes: under overlay as {@link UpperHandover#layer}
     * makes it, under vfs compared and written with {@code freeze} around both. The caller holds the lock;
     * {@code parentChain} is the chain ID of the top layer of the container's image (null: none).
     */
    static ChildImages.LayerSource layer(Container c, Digest parentChain, LayerWriter tar, Snapshotter snapshots,
            Committer.Freezer freeze) {
        if (StorageDriver.of(c) == StorageDriver.OVERLAY) {
            return UpperHandover.layer(c, parentChain, tar, snapshots, freeze);
        }
        return ChildImages.written((out, mirror) -> {
            // Frozen until the tar is written: the compared tree's files are the container's own.
            try (Committer.Freezer.Frozen frozen = freeze.freeze()) {
                Path changes = compare(c, snapshots);
                try {
                    tar.write(changes, out, mirror);
                } finally {
                    delete(changes);
                }
            }
        });
    }

    /** Compares a vfs container's copy with its image into a new directory of the container's. */
    private static Path compare(Container c, Snapshotter snapshots) {
        // Named by this process and the time: createTempDirectory's SecureRandom costs ~10 ms on a cold JVM.
        Path changes = c.paths().dir().resolve("changes-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        try {
            Files.createDirectory(changes);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read the changes of container "
                    + c.record().shortId() + ": " + e.getMessage(), e);
        }
        try {
            CopyChanges.collect(c.paths().rootfs(), lowers(c, snapshots), changes);
            return changes;
        } catch (RuntimeException e) {
            delete(changes);
            throw e;
        }
    }

    private static void delete(Path changes) {
        try {
            FileTrees.delete(changes); // links and whiteouts: the container's files stay
        } catch (IOException e) {
            // left in the container's directory, which goes with the container
        }
    }
}
