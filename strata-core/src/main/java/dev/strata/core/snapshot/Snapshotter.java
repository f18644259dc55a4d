package dev.strata.core.snapshot;

import dev.strata.core.oci.Digest;
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

    /** Every snapshot there is. */
    List<SnapshotInfo> list();

    /** Unpacks a layer into a private directory, to be published later. */
    Staged stage(Digest parent, Digest diffId, LayerSource layer);

    void remove(Digest chainId);

    /** Opens the bytes of a layer tar (possibly compressed). */
    @FunctionalInterface
    interface LayerSource {
        java.io.InputStream open() throws java.io.IOException;
    }

    /** An unpacked layer not yet visible. */
    interface Staged {
        SnapshotInfo info();

        /** Makes the snapshot visible; returns false if it already existed (ours is then discarded). */
        boolean publish();

        void discard();
    }
}
