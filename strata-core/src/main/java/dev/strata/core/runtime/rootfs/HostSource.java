package dev.strata.core.runtime.rootfs;

import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.PathHandle;
import java.nio.file.Path;

/**
 * A host path to copy into a container, as the user typed it: a trailing {@code /} asserts a directory, a
 * trailing {@code /.} asks for its contents only. The host is the user's own, so its links are followed as
 * any program would, except a link at the end, which is copied as a link unless asked otherwise.
 *
 * @param path absolute and lexically clean
 * @param name the name the copy takes in the container (the source's last component)
 */
record HostSource(Path path, String name, boolean trailingSlash, boolean contentsOnly) {
    static HostSource parse(String raw) {
        Path path = Path.of(raw).toAbsolutePath().normalize();
        boolean contentsOnly = raw.equals(".") || raw.endsWith("/.") || path.getFileName() == null;
        boolean trailingSlash = !contentsOnly && raw.endsWith("/");
        String name = path.getFileName() == null ? "." : path.getFileName().toString();
        return new HostSource(path, name, trailingSlash, contentsOnly);
    }

    boolean assertsDirectory() {
        return trailingSlash || contentsOnly;
    }

    /** The source, pinned: a last symbolic link is followed if asked or if the path asserts a directory. */
    PathHandle open(boolean followLink) throws ErrnoException {
        if (followLink || assertsDirectory() || path.getParent() == null) {
            return PathHandle.open(path);
        }
        try (PathHandle parent = PathHandle.open(path.getParent())) {
            return parent.child(name);
        }
    }
}
