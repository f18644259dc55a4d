package dev.strata.core.snapshot.overlay;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The changes of a container against its image, as {@code docker diff} lists them, read from the overlay's
 * upper directory and the lower directories alone: the container may be stopped and unmounted.
 *
 * <ul>
 *   <li>a whiteout is {@code D} (only the path itself: the contents of a deleted directory are not listed);
 *   <li>anything else in the upper directory is {@code C} if the image had that path, {@code A} if not;
 *   <li>every directory of the upper directory is listed: it is there only because something in it, or the
 *       directory itself, changed (copy-up brings parents along), so the parents of changes are {@code C};
 *   <li>below an opaque directory ({@code rm -rf d && mkdir d}) the image's entries that are not in the upper
 *       directory are {@code D}, and the directory itself is {@code C}.
 * </ul>
 *
 * <p>"The image had that path" follows the lower directories as overlayfs does: whiteouts and opaque
 * directories of the lower layers hide what is below them. The listing is in the order of a depth-first walk
 * with names sorted bytewise in each directory, as Docker prints it. The work follows the size of the upper
 * directory: a lookup per upper entry in each lower layer, and a lower directory is listed only where the
 * upper one is opaque. Stateless and thread-safe.
 */
public final class Changes {
    private static final Comparator<String> BYTEWISE = (a, b) ->
            Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

    private Changes() {}

    /** The changes in the upper directory of a writable mount. */
    public static List<Change> of(OverlayMount mount) {
        if (mount.isReadOnly()) {
            throw new IllegalArgumentException("a read-only overlay mount has no changes");
        }
        return between(mount.upper(), mount.lowersTopFirst());
    }

    /**
     * The changes {@code upper} makes to the stack of {@code lowersTopFirst}.
     *
     * @throws StrataException of kind SYSTEM when a directory cannot be read
     */
    public static List<Change> between(Path upper, List<Path> lowersTopFirst) {
        List<Change> changes = new ArrayList<>();
        try {
            directory(upper, "", LowerStack.root(lowersTopFirst), false, changes);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot list the changes of " + upper + ": "
                    + e.getMessage(), e);
        }
        return changes;
    }

    /**
     * Lists one directory of the upper tree.
     *
     * @param lowerStack the lower directories at this path, top first, where the image sees a directory
     * @param hidden whether the image's entries here are hidden by an opaque directory at or above this one
     */
    private static void directory(Path dir, String path, List<Path> lowerStack, boolean hidden,
                                  List<Change> changes) throws IOException {
        boolean hides = hidden || LowerStack.isOpaque(dir);
        TreeMap<String, Boolean> entries = new TreeMap<>(BYTEWISE); // name -> present in the upper directory
        for (String name : LowerStack.names(dir)) {
            entries.put(name, true);
        }
        if (hides) {
            for (String name : LowerStack.visible(lowerStack).keySet()) {
                entries.putIfAbsent(name, false);
            }
        }
        for (var entry : entries.entrySet()) {
            String name = entry.getKey();
            String childPath = path + "/" + name;
            if (!entry.getValue()) {
                changes.add(new Change(Change.Kind.DELETED, childPath));
                continue;
            }
            Path child = dir.resolve(name);
            FileStat stat = PosixFiles.lstat(child);
            LowerStack.Lower lower = LowerStack.lookUp(lowerStack, name);
            if (LowerStack.isWhiteout(stat)) {
                if (lower.exists()) {
                    changes.add(new Change(Change.Kind.DELETED, childPath));
                }
                continue; // a whiteout over nothing hides nothing
            }
            changes.add(new Change(lower.exists() ? Change.Kind.CHANGED : Change.Kind.ADDED, childPath));
            if (stat.isDirectory()) {
                directory(child, childPath, lower.directories(), hides, changes);
            }
        }
    }
}
