package dev.strata.core.engine;

import dev.strata.core.distribution.RegistryConfig;
import dev.strata.core.distribution.RemoteRepository;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the registry verbs need from the environment, gathered by the composition root: Docker's client config file
 * (logins), the {@code PATH} directories where credential helpers live, how to reach registries, and above which
 * size (in which chunks) blobs are uploaded in chunks.
 */
public record RegistrySettings(Path dockerConfig, List<Path> searchPath, RegistryConfig registries,
        RemoteRepository.UploadPolicy uploads) {
    public RegistrySettings {
        searchPath = List.copyOf(searchPath);
        Objects.requireNonNull(uploads, "uploads");
    }

    /** With the default upload policy. */
    public RegistrySettings(Path dockerConfig, List<Path> searchPath, RegistryConfig registries) {
        this(dockerConfig, searchPath, registries, RemoteRepository.UploadPolicy.DEFAULT);
    }
}
