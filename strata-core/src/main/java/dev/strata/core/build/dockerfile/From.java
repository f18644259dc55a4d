package dev.strata.core.build.dockerfile;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * FROM: the base {@code image} as written (a reference, {@code scratch}, or an earlier stage's name), the stage
 * name of {@code AS name} (lower-cased, as Docker matches stage names), and {@code --platform}.
 */
public record From(Origin origin, String image, Optional<String> stageName, Optional<String> platform) implements Instruction {
    public From {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(stageName, "stageName");
        Objects.requireNonNull(platform, "platform");
    }

    /** The image and platform expanded; FROM sees only the global ARGs (see {@link BuildPlan}). */
    @Override
    public From expand(Expander expander, Map<String, String> env) {
        Expansion x = new Expansion(origin, expander, env);
        return new From(origin, x.word(image), stageName, x.word(platform));
    }
}
