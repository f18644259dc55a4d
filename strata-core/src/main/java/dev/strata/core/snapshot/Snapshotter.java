package dev.strata.core.snapshot;

import dev.strata.core.archive.LayerApplier;
import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Unpacked layers keyed by chain ID. Each snapshot is the tree of one layer only, with whiteouts in overlayfs
 * form, so a stack of snapshots is an overlay mount's lowerdirs. A snapshot is created once and shared by
 * every image above it; it appears whole (published by rename) or not at all. Thread-safe; several processes
 * may share one directory.
 *
 * <p>Lifecycle: {@link #stage} unpacks into a private directory; {@link Staged#publish} makes it visible
 * (a no-op if another process published the same chain ID first); {@link #remove} deletes it when no image
 * needs it any more (the caller decides that, under the store's lock).
 */
public interface Snapshotter {
    Optional<SnapshotInfo> info(Digest chainId);

    default boolean exists(Digest chainId) {
        return info(chainId).isPresent();
    }

    /** The directory holding the layer's tree (an overlay lowerdir). */
    Path diffDirectory(Digest chainId);

    /** The directories of a chain's snapshots (bottom layer first), top layer first: an overlay mount's lowerdirs. */
    default List<Path> diffDirectoriesTopFirst(List<Digest> chain) {
        List<Path> directories = new java.util.ArrayList<>(chain.size());
        for (int i = chain.size() - 1; i >= 0; i--) {
            directories.add(diffDirectory(chain.get(i)));
        }
        return directories;
    }

    /** Every snapshot there is. */
    List<SnapshotInfo> list();

    /** Unpacks a layer into a private directory, to be published later. */
    default Staged stage(Digest parent, Digest diffId, LayerSource layer) {
        return stage(parent, diffId, prepare(layer));
    }

    /**
     * Unpacks a layer before its place in a chain is known (a loader can start unpacking while it still reads
     * the archive). The result belongs to the caller until passed to {@link #stage(Digest, Digest, Prepared)}.
     */
    Prepared prepare(LayerSource layer);

    /**
     * Unpacks a layer while it is written: {@code layer} writes its tar with the mirror it is given (see
     * {@link dev.strata.core.archive.TarWriter}) and returns its diffID, and nothing reads the tar back.
     *
     * @throws IOException only as {@code layer} throws it
     */
    Prepared prepareWritten(LayerApplier.WrittenLayer layer) throws IOException;

    /**
     * Takes a tree already in place as an unpacked layer: {@code staging}, on the snapshots' file system, holds it
     * in {@code fs/} and becomes the snapshot's directory when it is published. Discarding it (before it is
     * published) calls {@code giveBack} instead of deleting it. A container's writable layer becomes its commit's
     * snapshot this way, without a copy.
     */
    Prepared adopt(Path staging, Digest diffId, long size, Runnable giveBack);

    /** Turns an unpacked layer into a staged snapshot; refuses it if its diffID is not {@code diffId}. */
    Staged stage(Digest parent, Digest diffId, Prepared prepared);

    void remove(Digest chainId);

    /** Opens the bytes of a layer tar (possibly compressed). */
    @FunctionalInterface
    interface LayerSource {
        java.io.InputStream open() throws java.io.IOException;
    }

    /** An unpacked layer with no place in a chain yet. */
    interface Prepared {
        /** The digest of the layer's uncompressed tar, as unpacking measured it. */
        Digest diffId();

        void discard();
    }

    /** An unpacked layer not yet visible. */
    interface Staged {
        SnapshotInfo info();

        /** Makes the snapshot visible; returns false if it already existed (ours is then discarded). */
        boolean publish();

        void discard();
    }
}
