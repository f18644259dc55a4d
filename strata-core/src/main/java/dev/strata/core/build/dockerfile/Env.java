package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ENV: one or more variables, {@code k=v k2="v 2"} or the legacy {@code ENV k value with spaces}. All pairs of one
 * instruction are expanded with the environment from before it ({@code ENV a=1 b=$a} does not see the new a).
 */
public record Env(Origin origin, List<KeyValue> variables) implements Instruction {
    public Env {
        Objects.requireNonNull(origin, "origin");
        variables = List.copyOf(variables);
    }

    @Override
    public Env expand(Expander expander, Map<String, String> env) {
        return new Env(origin, new Expansion(origin, expander, env).pairs(variables));
    }
}
