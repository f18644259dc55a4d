package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.image.StoredImage;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.snapshot.copy.MergedCopy;
import dev.strata.core.snapshot.overlay.OverlayMount;
import dev.strata.core.sys.FileTrees;
import dev.strata.core.store.LocalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * An image's file system, mounted read-only for a while: what a build step reads from the image it builds on (does
 * the WORKDIR exist, who is the {@code --chown} user, what does {@code COPY --from} take). It is mounted when first
 * asked for, so a step answered by the cache mounts nothing; an image without layers is an empty directory.
 * Where overlayfs cannot be had, the view is a copy of the image hard-linked to its snapshots' files. Closing unmounts
 * it and removes the mount point (or the copy). Not thread-safe.
 */
final class ImageView implements AutoCloseable {
    private final LocalStore store;
    private final java.util.function.Supplier<StoredImage> image;
    private Path root;
    private boolean mounted;

    private ImageView(LocalStore store, java.util.function.Supplier<StoredImage> image) {
        this.store = store;
        this.image = image;
    }

    /** A view of {@code image} ({@code null}: scratch), mounted under the store's scratch area on first use. */
    static ImageView of(LocalStore store, StoredImage image) {
        return new ImageView(store, () -> image);
    }

    /**
     * A view of the image {@code image} supplies ({@code null}: scratch), asked for only when the view is mounted:
     * a build step answered by the cache reads neither the image's manifest nor its config.
     */
    static ImageView of(LocalStore store, java.util.function.Supplier<StoredImage> image) {
        return new ImageView(store, image);
    }

    /** The image's root directory. */
    Path root() {
        if (root == null) {
            Path target = store.scratch().newDirectory("view-");
            StoredImage stored = image.get();
            List<Path> lowers = stored == null ? List.of()
                    : store.snapshots().diffDirectoriesTopFirst(ChainId.chain(stored.config().diffIds()));
            if (!lowers.isEmpty()) {
                try {
                    OverlayMount.readOnly(lowers).mount(target);
                    mounted = true;
                } catch (StrataException e) {
                    if (!StorageDriver.overlayUnavailable(e)) {
                        throw e;
                    }
                    // no overlayfs here: the same view, hard-linked to the snapshots' files (it is only read)
                    MergedCopy.copy(lowers, target, MergedCopy.Contents.LINKED);
                }
            }
            root = target;
        }
        return root;
    }

    @Override
    public void close() {
        if (root == null) {
            return;
        }
        try {
            if (mounted) {
                OverlayMount.unmountIfMounted(root);
                Files.deleteIfExists(root); // empty once unmounted: never a tree walk through a mount
            } else {
                FileTrees.delete(root); // empty, or a linked copy
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
