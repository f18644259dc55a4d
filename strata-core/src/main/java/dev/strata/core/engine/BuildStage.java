package dev.strata.core.engine;

import dev.strata.core.build.StageConfig;
import dev.strata.core.build.dockerfile.ArgScope;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;

/**
 * Where a build stage stands between two steps: the image the last step made ({@code null} only right after
 * {@code FROM scratch}), its config as the next step sees it, and the build arguments in scope.
 */
record BuildStage(Digest image, StoredImage stored, StageConfig config, ArgScope args) {
    BuildStage withArgs(ArgScope next) {
        return new BuildStage(image, stored, config, next);
    }
}
