package dev.strata.core.engine;

import dev.strata.core.archive.LayerWriter;
import dev.strata.core.content.Scratch;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.snapshot.overlay.LayerMerge;
import dev.strata.core.store.LocalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code build --squash}: the built image with every layer the build added merged into one, on top of the base
 * image's layers, as Docker squashes: the build's history entries stay (as empty layers) and a last entry,
 * {@code merge sha256:BUILT to sha256:BASE}, carries the merged layer.
 */
final class Squasher {
    private final LocalStore store;

    Squasher(LocalStore store) {
        this.store = store;
    }

    /** The squashed image's ID; the built one's when the build added no layer. */
    Digest squash(Digest builtId, StoredImage built, Digest baseId, StoredImage base, String created,
            Optional<Instant> epoch) {
        List<Digest> diffIds = built.config().diffIds();
        int kept = base == null ? 0 : base.config().diffIds().size();
        if (diffIds.size() <= kept) {
            return builtId;
        }
        List<Digest> chain = ChainId.chain(diffIds);
        Path merged = store.scratch().newDirectory("squash-");
        try {
            for (int i = kept; i < diffIds.size(); i++) {
                LayerMerge.apply(store.snapshots().diffDirectory(chain.get(i)), merged);
            }
            LayerWriter writer = epoch.map(LayerWriter::clampingTimesTo).orElseGet(LayerWriter::new);
            return new ChildImages(store).create(baseId, base,
                    ChildImages.written((out, mirror) -> writer.write(merged, out, mirror)),
                    diffId -> config(built.config(), base, kept, builtId, baseId, created, diffId), List.of(), created,
                    "squash the build's layers");
        } finally {
            try {
                Scratch.deleteTree(merged);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static ImageConfig config(ImageConfig built, StoredImage base, int kept, Digest builtId, Digest baseId,
            String created, Digest diffId) {
        int baseHistory = base == null ? 0 : base.config().history().size();
        List<ImageConfig.History> history = new ArrayList<>(built.history().subList(0, baseHistory));
        for (ImageConfig.History h : built.history().subList(baseHistory, built.history().size())) {
            history.add(new ImageConfig.History(h.created(), h.createdBy(), h.author(), h.comment(), true));
        }
        history.add(new ImageConfig.History(created, null, null,
                "merge " + builtId + " to " + (baseId == null ? "scratch" : baseId.toString()), diffId == null));
        List<Digest> diffIds = new ArrayList<>(built.diffIds().subList(0, kept));
        if (diffId != null) {
            diffIds.add(diffId);
        }
        return new ImageConfig(built.architecture(), built.author(), built.config(), created, history, built.os(),
                new ImageConfig.RootFs("layers", diffIds), built.variant(), null, null, null);
    }
}
