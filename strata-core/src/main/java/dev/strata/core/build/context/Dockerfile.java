package dev.strata.core.build.context;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The Dockerfile of a build, read.
 *
 * @param text its content
 * @param name what messages call it: its path as the user gave it, {@code Dockerfile}, or {@code -} for stdin
 * @param path where it is on disk, if it is a file (not stdin, not a URL's text)
 */
public record Dockerfile(String text, String name, Optional<Path> path) {
    public Dockerfile {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }
}
