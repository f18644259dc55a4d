package dev.strata.core.engine;

import dev.strata.core.distribution.RegistryConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * What the registry verbs need from the environment, gathered by the composition root: Docker's client config file
 * (logins), the {@code PATH} directories where credential helpers live, and how to reach registries.
 */
public record RegistrySettings(Path dockerConfig, List<Path> searchPath, RegistryConfig registries) {
    public RegistrySettings {
        searchPath = List.copyOf(searchPath);
    }
}
