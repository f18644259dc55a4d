package dev.strata.core.build.context;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One entry of a build context as a walk found it. Its host path is made when asked for: a cached build walks
 * thousands of files and opens none of them.
 *
 * @param path slash-separated, relative to the context root, clean ({@code ""} for the root)
 * @param root the context root on the host
 * @param linkTarget a symbolic link's target as stored; null for everything else
 */
record ContextFile(String path, Path root, FileInfo info, String linkTarget) {
    ContextFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(info, "info");
    }

    /** Where it is on the host. */
    Path absolute() {
        return path.isEmpty() ? root : root.resolve(path);
    }
}
