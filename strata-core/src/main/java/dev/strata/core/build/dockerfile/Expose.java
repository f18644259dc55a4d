package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** EXPOSE: ports as written ({@code 80}, {@code 53/udp}, {@code 8000-8010/tcp}); the builder validates them. */
public record Expose(Origin origin, List<String> ports) implements Instruction {
    public Expose {
        Objects.requireNonNull(origin, "origin");
        ports = List.copyOf(ports);
    }

    /** Each port word expanded and split at whitespace, so one variable may hold several ports. */
    @Override
    public Expose expand(Expander expander, Map<String, String> env) {
        return new Expose(origin, new Expansion(origin, expander, env).split(ports));
    }
}
