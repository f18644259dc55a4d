package dev.strata.core.build.dockerfile;

import java.util.Objects;

/** ENTRYPOINT: the container's entrypoint, shell or exec form; an empty exec form clears it. */
public record Entrypoint(Origin origin, Command command) implements Instruction {
    public Entrypoint {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(command, "command");
    }
}
