package dev.strata.core.runtime.rootfs;

import java.util.Map;
import java.util.Objects;

/**
 * One file on its way into or out of a container, between a tar stream and a tree.
 *
 * @param name relative, {@code /}-separated, without a trailing slash; {@code .} for the directory copied
 * @param mode permission bits with setuid, setgid and sticky
 * @param linkName a symbolic link's target, or for a hard link the name of the entry it links to
 * @param size content bytes, for regular files
 * @param xattrs extended attributes, raw values
 */
record Entry(String name, Type type, int mode, long uid, long gid, long size, long mtimeSeconds, int mtimeNanos,
             String linkName, int deviceMajor, int deviceMinor, Map<String, byte[]> xattrs) {

    /** The kinds of file a tar entry can be. */
    enum Type { DIRECTORY, REGULAR, SYMLINK, HARDLINK, CHAR_DEVICE, BLOCK_DEVICE, FIFO }

    Entry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        xattrs = Map.copyOf(xattrs);
        if (linkName == null && (type == Type.SYMLINK || type == Type.HARDLINK)) {
            throw new IllegalArgumentException("a link needs a target: " + name);
        }
    }

    Entry renamed(String newName) {
        return new Entry(newName, type, mode, uid, gid, size, mtimeSeconds, mtimeNanos, linkName, deviceMajor,
                deviceMinor, xattrs);
    }
}
