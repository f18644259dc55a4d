package dev.strata.core.engine;

import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.snapshot.overlay.OverlayMount;
import dev.strata.core.store.LocalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An image's file system, mounted read-only for a while: what a build step reads from the image it builds on (does
 * the WORKDIR exist, who is the {@code --chown} user, what does {@code COPY --from} take). An image without layers
 * is an empty directory. Closing unmounts it and removes the mount point.
 */
final class ImageView implements AutoCloseable {
    private final Path root;
    private final boolean mounted;

    private ImageView(Path root, boolean mounted) {
        this.root = root;
        this.mounted = mounted;
    }

    /** Mounts {@code image} ({@code null}: scratch) under the store's scratch area. */
    static ImageView of(LocalStore store, StoredImage image) {
        Path target = store.scratch().newDirectory("view-");
        List<Path> lowers = new ArrayList<>();
        if (image != null) {
            for (Digest chainId : ChainId.chain(image.config().diffIds())) {
                lowers.addFirst(store.snapshots().diffDirectory(chainId));
            }
        }
        if (lowers.isEmpty()) {
            return new ImageView(target, false);
        }
        OverlayMount.readOnly(lowers).mount(target);
        return new ImageView(target, true);
    }

    /** The image's root directory. */
    Path root() {
        return root;
    }

    @Override
    public void close() {
        if (mounted) {
            OverlayMount.unmountIfMounted(root);
        }
        try {
            java.nio.file.Files.deleteIfExists(root); // empty once unmounted: never a tree walk through a mount
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
