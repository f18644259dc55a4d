package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.LayerApplier;
import dev.strata.core.archive.LayerWriter;
import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerPaths;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.Scratch;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.oci.Digest;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.snapshot.Snapshotter;
import dev.strata.core.sys.MountPoints;
import dev.strata.core.sys.AtomicFiles;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.Mounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * The commit of a stopped container without a copy: its writable layer (the overlay upper dir, already in the form
 * of a snapshot) is renamed to become the new layer's snapshot, as containerd's overlay snapshotter commits an
 * active snapshot, and the layer's tar is only written to the blob store. The container keeps an empty upper dir
 * and a note naming the snapshot that now holds its changes: reading them ({@code diff}, a second {@code commit},
 * sizes) reads that snapshot, and before its file system is mounted again ({@code start}, {@code cp}) the changes
 * are copied back, so an image never shares a file the container could write. Every step leaves a state the next
 * reader understands, whatever the point at which a process is killed:
 * <ol>
 *   <li>the upper dir is renamed to {@code handover/fs}: the changes are read from there;</li>
 *   <li>the note is written, then the transaction publishes {@code handover} as the snapshot: the changes are read
 *       from the snapshot the note names, which the store keeps while the note exists.</li>
 * </ol>
 * A handover that is discarded (a failed transaction, a snapshot that existed already) renames the tree back.
 * Callers hold the container's lock. Stateless.
 */
final class UpperHandover {
    private UpperHandover() {}

    /**
     * Whether {@code c}'s writable layer can be handed over: the container is stopped, its changes are in its
     * upper dir and its root file system is not mounted (a plain unmount is tried). The caller holds its lock.
     */
    static boolean possible(Container c) {
        ContainerPaths p = c.paths();
        if (c.state().status().isActive() || Files.exists(p.handedTo()) || Files.exists(fs(p))) {
            return false;
        }
        try {
            if (MountPoints.isMountPoint(p.merged())) {
                // A plain unmount, never a lazy one: a mount something still holds could still write into the
                // upper dir after it became a snapshot. Busy, the layer is copied instead.
                Mounts.unmount(p.merged(), 0);
            }
            return !MountPoints.isMountPoint(p.merged());
        } catch (ErrnoException e) {
            return false;
        }
    }

    /**
     * {@code c}'s changes as a new layer whose tar {@code tar} writes: its writable layer handed over when
     * {@link #possible}, else its changes copied with {@code freeze} around the walk. The caller holds the lock;
     * {@code parentChain} is the chain ID of the top layer of the container's image (null: none).
     */
    static ChildImages.LayerSource layer(Container c, Digest parentChain, LayerWriter tar, Snapshotter snapshots,
            Committer.Freezer freeze) {
        if (possible(c)) {
            return source(c, parentChain, tar);
        }
        Path tree = changes(c, snapshots);
        return ChildImages.written((out, mirror) -> {
            try (Committer.Freezer.Frozen frozen = freeze.freeze()) {
                tar.write(tree, out, mirror);
            }
        });
    }

    /** The layer made by handing {@code c}'s writable layer over; the container is stopped and locked. */
    private static ChildImages.LayerSource source(Container c, Digest parentChain, LayerWriter tar) {
        return (store, unpacked, what) -> {
            StagedBlob blob;
            long size;
            try (BlobWriter writer = store.content().writer()) {
                size = tar.write(c.paths().upper(), writer);
                blob = writer.stage(null, -1);
            } catch (IOException | RuntimeException e) {
                throw new StrataException(StrataException.Kind.SYSTEM,
                        "cannot " + what + ": writing the new layer failed: " + e.getMessage(), e);
            }
            if (!blob.digest().equals(ChildImages.EMPTY_LAYER)) {
                try {
                    unpacked.put(blob.digest(), handOver(c.paths(), blob.digest(), size,
                            ChainId.of(parentChain, blob.digest()), store.snapshots()));
                } catch (RuntimeException e) {
                    blob.discard();
                    throw e;
                }
            }
            return blob;
        };
    }

    private static Snapshotter.Prepared handOver(ContainerPaths p, Digest diffId, long size, Digest chainId,
            Snapshotter snapshots) {
        try {
            if (Files.exists(p.handover())) {
                Scratch.deleteTree(p.handover()); // an empty one a killed commit left: possible() saw no fs in it
            }
            Files.createDirectory(p.handover());
            Files.move(p.upper(), fs(p), StandardCopyOption.ATOMIC_MOVE);
            Files.createDirectory(p.upper());
            AtomicFiles.write(p.handedTo(), chainId.toString().getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            giveBack(p);
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot commit: cannot hand the writable layer over: " + e.getMessage(), e);
        }
        return snapshots.adopt(p.handover(), diffId, size, () -> giveBack(p));
    }

    /** Where {@code c}'s changes are now: its upper dir, or the tree a commit took over. */
    static Path changes(Container c, Snapshotter snapshots) {
        ContainerPaths p = c.paths();
        if (Files.isDirectory(fs(p))) {
            return fs(p);
        }
        return handedTo(p).map(snapshots::diffDirectory).orElse(p.upper());
    }

    /** The snapshot a commit handed {@code c}'s changes to, while the container has not taken them back. */
    static Optional<Digest> handedTo(Container c) {
        return handedTo(c.paths());
    }

    /**
     * Gives {@code c} its changes back in its upper dir, before its file system is mounted: the tree of a commit
     * that did not finish is renamed back, a published snapshot's is copied. The caller holds the lock.
     */
    static void restore(Container c, Snapshotter snapshots) {
        ContainerPaths p = c.paths();
        if (Files.isDirectory(fs(p))) {
            giveBack(p);
            return;
        }
        Optional<Digest> chainId = handedTo(p);
        if (chainId.isEmpty()) {
            return;
        }
        Path source = snapshots.diffDirectory(chainId.get());
        try {
            if (Files.exists(p.restoring())) {
                Scratch.deleteTree(p.restoring());
            }
            Files.createDirectory(p.restoring());
            // The snapshot's tree goes through the writer that makes layers and straight into the extraction that
            // unpacks them, so whiteouts, opaque directories and hard links come back as the upper dir had them.
            new LayerApplier().applyWritten(p.restoring(), mirror -> {
                new LayerWriter().write(source, OutputStream.nullOutputStream(), mirror);
                return chainId.get(); // no tar is kept: any digest will do as the result's name
            });
            Files.deleteIfExists(p.upper()); // empty (rmdir): nothing mounts it while the changes are handed over
            Files.move(p.restoring(), p.upper(), StandardCopyOption.ATOMIC_MOVE);
            Files.delete(p.handedTo());
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot restore the writable layer of container "
                    + c.record().shortId() + " from snapshot " + chainId.get().shortHex() + ": " + e.getMessage(), e);
        }
    }

    /** Renames a handed-over tree back into the upper dir; idempotent, so a killed attempt is finished by the next. */
    private static void giveBack(ContainerPaths p) {
        try {
            if (Files.isDirectory(fs(p))) {
                Files.deleteIfExists(p.upper()); // the empty stand-in (rmdir: a full one would fail, not vanish)
                Files.move(fs(p), p.upper(), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(p.handedTo());
            if (Files.exists(p.handover())) {
                Scratch.deleteTree(p.handover());
            }
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot give the writable layer back to its container: " + e.getMessage(), e);
        }
    }

    private static Optional<Digest> handedTo(ContainerPaths p) {
        try {
            return Optional.of(Digest.parse(Files.readString(p.handedTo(), StandardCharsets.US_ASCII).strip()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | dev.strata.core.oci.InvalidDigestException e) {
            throw new StrataException(StrataException.Kind.CORRUPT,
                    "cannot read " + p.handedTo() + ": " + e.getMessage(), e);
        }
    }

    private static Path fs(ContainerPaths p) {
        return p.handover().resolve("fs");
    }
}
