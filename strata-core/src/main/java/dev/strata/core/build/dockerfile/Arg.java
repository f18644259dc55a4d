package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Objects;

/**
 * ARG: one or more build arguments, each with an optional default as written. Before the first FROM they are
 * global (visible to FROM lines); inside a stage {@link ArgScope#declare} gives them their values.
 */
public record Arg(Origin origin, List<ArgDefinition> args) implements Instruction {
    public Arg {
        Objects.requireNonNull(origin, "origin");
        args = List.copyOf(args);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("ARG needs a name");
        }
    }
}
