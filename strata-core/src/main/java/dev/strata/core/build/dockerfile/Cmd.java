package dev.strata.core.build.dockerfile;

import java.util.Objects;

/** CMD: the container's default command, shell or exec form. */
public record Cmd(Origin origin, Command command) implements Instruction {
    public Cmd {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(command, "command");
    }
}
