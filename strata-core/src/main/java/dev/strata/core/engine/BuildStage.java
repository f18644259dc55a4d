package dev.strata.core.engine;

import dev.strata.core.build.StageConfig;
import dev.strata.core.build.dockerfile.ArgScope;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;
import java.util.function.Supplier;

/**
 * Where a build stage stands between two steps: the image the last step made ({@code null} only right after
 * {@code FROM scratch}), its config as the next step sees it, and the build arguments in scope. The image's
 * manifest and config are read only if a later step needs them: a rebuild answered by the cache never does.
 */
record BuildStage(Digest image, Supplier<StoredImage> loader, StageConfig config, ArgScope args) {
    static BuildStage of(Digest image, StoredImage stored, StageConfig config, ArgScope args) {
        return new BuildStage(image, () -> stored, config, args);
    }

    /** A stage whose image is read from the store on first use, once. */
    static BuildStage lazily(Digest image, Supplier<StoredImage> read, StageConfig config, ArgScope args) {
        return new BuildStage(image, new Once<>(read), config, args);
    }

    /** The image ({@code null} for scratch). */
    StoredImage stored() {
        return loader.get();
    }

    BuildStage withArgs(ArgScope next) {
        return new BuildStage(image, loader, config, next);
    }

    BuildStage withConfig(StageConfig next) {
        return new BuildStage(image, loader, next, args);
    }

    /** Computes a value on first use and keeps it; a build runs on one thread. */
    private static final class Once<T> implements Supplier<T> {
        private Supplier<T> compute;
        private T value;

        Once(Supplier<T> compute) {
            this.compute = compute;
        }

        @Override
        public T get() {
            if (compute != null) {
                value = compute.get();
                compute = null;
            }
            return value;
        }
    }
}
