package dev.strata.core.archive;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One entry of a tar stream, as {@link TarReader} reads it and {@link TarWriter} writes it; the name is not
 * checked here (that is each extractor's business). The byte arrays are not copied.
 *
 * @param name the entry's full name as the archive spells it (PAX and GNU long names applied); a directory
 *     may end with {@code /}, which {@link TarWriter} adds when it is missing
 * @param linkTarget for symbolic links the target, byte for byte; for hard links the linked entry's name;
 *     empty for everything else
 * @param mode permission bits with setuid, setgid and sticky
 * @param uid the owner, an unsigned 32-bit number
 * @param gid the group, an unsigned 32-bit number
 * @param size content bytes that follow, for regular files; 0 for everything else
 * @param deviceMajor for device nodes; 0 for everything else
 * @param xattrs extended attributes with raw values (PAX {@code SCHILY.xattr.*} records, or libarchive's),
 *     kept sorted by name
 */
public record TarEntry(
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

    private static final byte[] NO_LINK = new byte[0];

    public TarEntry {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        linkTarget = linkTarget == null ? NO_LINK : linkTarget;
        xattrs = xattrs.isEmpty() ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(xattrs));
    }

    /** The link target as text (UTF-8): a hard link's entry name, or a symbolic link's target for messages. */
    public String linkName() {
        return new String(linkTarget, StandardCharsets.UTF_8);
    }
}
