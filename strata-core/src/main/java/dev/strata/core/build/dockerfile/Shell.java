package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Objects;

/** SHELL: the shell that runs shell-form RUN, CMD and ENTRYPOINT from here on (JSON form only). */
public record Shell(Origin origin, List<String> shell) implements Instruction {
    public Shell {
        Objects.requireNonNull(origin, "origin");
        shell = List.copyOf(shell);
        if (shell.isEmpty()) {
            throw new IllegalArgumentException("SHELL needs a command");
        }
    }
}
