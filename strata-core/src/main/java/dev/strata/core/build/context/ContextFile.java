package dev.strata.core.build.context;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a build context as a walk found it.
 *
 * @param path slash-separated, relative to the context root, clean ({@code ""} for the root)
 * @param absolute where it is on the host
 * @param linkTarget a symbolic link's target as stored; null for everything else
 */
record ContextFile(String path, Path absolute, FileInfo info, String linkTarget) {
    ContextFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(absolute, "absolute");
        Objects.requireNonNull(info, "info");
    }
}
