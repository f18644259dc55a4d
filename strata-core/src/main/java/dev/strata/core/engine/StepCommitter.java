package dev.strata.core.engine;

import dev.strata.core.build.BuildCache;
import dev.strata.core.build.BuildEvent;
import dev.strata.core.build.BuildListener;
import dev.strata.core.build.CacheKey;
import dev.strata.core.build.StageConfig;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Platform;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.LocalStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ends a build step: finds its image in the build cache, or makes it (the parent's layers, perhaps a new one, the
 * step's config and history entry) and records it there. Every step's image stays in the store, untagged, with
 * its parent recorded, as the classic builder's intermediate images do.
 */
final class StepCommitter {
    private final LocalStore store;
    private final BuildCache cache;
    private final BuildListener listener;
    private final boolean noCache;
    private final String created;
    private final boolean reproducible;
    private ImageIndex.Snapshot index;

    StepCommitter(LocalStore store, BuildCache cache, BuildListener listener, boolean noCache, String created,
            boolean reproducible) {
        this.store = store;
        this.cache = cache;
        this.listener = listener;
        this.noCache = noCache;
        this.created = created;
        this.reproducible = reproducible;
    }

    /** The timestamp this build writes into configs and history. */
    String created() {
        return created;
    }

    /**
     * Starts a step's cache key: the parent image, and the fixed timestamp of a reproducible build (whose images
     * differ from those of an ordinary build of the same steps).
     */
    CacheKey.Builder key(BuildStage stage) {
        return CacheKey.on(stage.image()).add(reproducible ? "at " + created : "");
    }

    /** The image a step with this key made before, if the cache is on and the image is still in the store. */
    Optional<BuildStage> cached(CacheKey key, BuildStage stage, StageConfig next) {
        if (noCache) {
            return Optional.empty();
        }
        Optional<ImageRecord> record = cache.find(key).flatMap(id -> index().byId(id));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        listener.event(new BuildEvent.CacheHit());
        ImageRecord found = record.get();
        return Optional.of(BuildStage.lazily(found.id(), () -> store.image(found), next, stage.args()));
    }

    /**
     * Makes and records the step's image; {@code layer} makes its layer ({@link ChildImages#written} from a writer),
     * or is null for a metadata step.
     */
    BuildStage commit(BuildStage stage, CacheKey key, StageConfig next, String createdBy,
            ChildImages.LayerSource layer, String what) {
        StoredImage base = stage.stored();
        Digest id = new ChildImages(store).create(stage.image(), base, layer,
                diffId -> config(base, next, createdBy, diffId), List.of(), created, what);
        cache.record(key, id);
        index = null; // this build changed the index
        ImageRecord made = index().byId(id).orElseThrow();
        return BuildStage.lazily(id, () -> store.image(made), next, stage.args());
    }

    /**
     * The image index as this build last read it: read once, again after the build adds an image. An image another
     * process adds meanwhile is only a cache miss; one it removes is found missing when the step reads it.
     */
    private ImageIndex.Snapshot index() {
        if (index == null) {
            index = store.index().read();
        }
        return index;
    }

    private ImageConfig config(StoredImage base, StageConfig next, String createdBy, Digest diffId) {
        ImageConfig parent = base == null ? null : base.config();
        List<ImageConfig.History> history = new ArrayList<>(parent == null ? List.of() : parent.history());
        history.add(new ImageConfig.History(created, createdBy, null, null, diffId == null));
        List<Digest> diffIds = new ArrayList<>(parent == null ? List.of() : parent.diffIds());
        if (diffId != null) {
            diffIds.add(diffId);
        }
        String architecture = parent == null ? Platform.host().architecture() : parent.architecture();
        String os = parent == null ? Platform.host().os() : parent.os();
        String variant = parent == null ? null : parent.variant();
        return new ImageConfig(architecture, next.author(), next.config(), created, history, os,
                new ImageConfig.RootFs("layers", diffIds), variant, null, null, null);
    }
}
