package dev.strata.core.build.dockerfile;

import java.util.Map;
import java.util.Objects;

/** WORKDIR: the working directory, absolute or relative to the previous one, the rest of the line as written. */
public record Workdir(Origin origin, String path) implements Instruction {
    public Workdir {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public Workdir expand(Expander expander, Map<String, String> env) {
        return new Workdir(origin, new Expansion(origin, expander, env).word(path));
    }
}
