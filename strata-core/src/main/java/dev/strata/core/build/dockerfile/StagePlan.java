package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One stage as a build will treat it: its index and name, its base image after the global ARGs were substituted
 * ({@code scratch}, an image reference, or the name of the earlier stage in {@code baseStage}), its platform
 * (expanded, when given), the stages it copies from ({@code COPY --from}), and whether the target needs it (stages
 * that are not needed are skipped).
 */
public record StagePlan(Stage stage, String baseImage, OptionalInt baseStage, Optional<String> platform,
                        List<Integer> dependencies, boolean needed) {
    public StagePlan {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(baseImage, "baseImage");
        Objects.requireNonNull(baseStage, "baseStage");
        Objects.requireNonNull(platform, "platform");
        dependencies = List.copyOf(dependencies);
    }

    public int index() {
        return stage.index();
    }

    public Optional<String> name() {
        return stage.name();
    }
}
