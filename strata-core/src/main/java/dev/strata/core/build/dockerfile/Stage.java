package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One build stage: its 0-based index, the FROM that starts it and the instructions after it, in order. */
public record Stage(int index, From from, List<Instruction> instructions) {
    public Stage {
        Objects.requireNonNull(from, "from");
        instructions = List.copyOf(instructions);
        if (index < 0) {
            throw new IllegalArgumentException("negative stage index " + index);
        }
        if (instructions.stream().anyMatch(i -> i instanceof From)) {
            throw new IllegalArgumentException("a stage holds one FROM");
        }
    }

    /** The {@code AS} name, lower-cased. */
    public Optional<String> name() {
        return from.stageName();
    }

    /** The name Docker shows for the stage: its {@code AS} name, else {@code stage-N}. */
    public String displayName() {
        return name().orElse("stage-" + index);
    }
}
