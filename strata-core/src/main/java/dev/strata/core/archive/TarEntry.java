package dev.strata.core.archive;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One entry of a layer as read from the tar stream, its name not yet checked.
 *
 * @param name the entry's full name as the archive spells it (PAX and GNU long names applied)
 * @param linkTarget for symbolic links the target, byte for byte; for hard links the linked entry's name
 * @param mode permission bits with setuid, setgid and sticky
 * @param size content bytes that follow, for regular files
 * @param xattrs extended attributes with raw values, from {@code SCHILY.xattr.*} (or libarchive's) PAX records
 */
record TarEntry(
        String name,
        EntryType type,
        byte[] linkTarget,
        int mode,
        int uid,
        int gid,
        long size,
        long mtimeSeconds,
        int mtimeNanos,
        int deviceMajor,
        int deviceMinor,
        Map<String, byte[]> xattrs) {

    String linkName() {
        return new String(linkTarget, StandardCharsets.UTF_8);
    }
}
