package dev.strata.core.runtime.rootfs;

import java.util.Objects;

/**
 * How files are written into a container.
 *
 * @param ownership who owns what is written (parent directories that must be created belong to root)
 * @param noOverwriteDirNonDir refuse to replace a directory with a non-directory or the other way round, as
 *     {@code docker cp} asks; when false such a directory is removed with its contents first
 */
public record ExtractOptions(Ownership ownership, boolean noOverwriteDirNonDir) {
    public ExtractOptions {
        Objects.requireNonNull(ownership, "ownership");
    }

    /** As {@code docker cp} writes: owned by the container's root, never replacing a directory by a file. */
    public static ExtractOptions dockerCp() {
        return new ExtractOptions(Ownership.root(), true);
    }

    public ExtractOptions withOwnership(Ownership ownership) {
        return new ExtractOptions(ownership, noOverwriteDirNonDir);
    }
}
