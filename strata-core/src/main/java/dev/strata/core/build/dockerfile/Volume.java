package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** VOLUME: mount points, JSON form or whitespace-separated words. */
public record Volume(Origin origin, List<String> paths) implements Instruction {
    public Volume {
        Objects.requireNonNull(origin, "origin");
        paths = List.copyOf(paths);
    }

    @Override
    public Volume expand(Expander expander, Map<String, String> env) {
        return new Volume(origin, new Expansion(origin, expander, env).each(paths));
    }
}
