package dev.strata.core.build.dockerfile;

import java.util.Objects;
import java.util.Optional;

/** One name declared by ARG, with its default value as written ({@code ARG name} has none). */
public record ArgDefinition(String name, Optional<String> defaultValue) {
    public ArgDefinition {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(defaultValue, "defaultValue");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an ARG needs a name");
        }
    }
}
