package dev.strata.core.build.dockerfile;

import java.util.Map;
import java.util.Objects;

/** STOPSIGNAL: the signal that stops the container, by name ({@code SIGQUIT}) or number, as written. */
public record Stopsignal(Origin origin, String signal) implements Instruction {
    public Stopsignal {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(signal, "signal");
    }

    @Override
    public Stopsignal expand(Expander expander, Map<String, String> env) {
        return new Stopsignal(origin, new Expansion(origin, expander, env).word(signal));
    }
}
