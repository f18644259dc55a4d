package dev.strata.core.snapshot.overlay;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Whiteouts;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
            List<Path> rootStack = new ArrayList<>();
            for (Path lower : lowersTopFirst) {
                rootStack.add(lower);
                if (isOpaque(lower)) {
                    break;
                }
            }
            directory(upper, "", rootStack, false, changes);
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
        boolean hides = hidden || isOpaque(dir);
        TreeMap<String, Boolean> entries = new TreeMap<>(BYTEWISE); // name -> present in the upper directory
        for (String name : names(dir)) {
            entries.put(name, true);
        }
        if (hides) {
            for (String name : visibleNames(lowerStack)) {
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
            Lower lower = lookUp(lowerStack, name);
            if (isWhiteout(stat)) {
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

    /** What the image has at one name: whether anything, and where it is a directory (top first). */
    private record Lower(boolean exists, List<Path> directories) {
        static final Lower NONE = new Lower(false, List.of());
    }

    private static Lower lookUp(List<Path> lowerStack, String name) throws IOException {
        for (int i = 0; i < lowerStack.size(); i++) {
            Path candidate = lowerStack.get(i).resolve(name);
            Optional<FileStat> stat = PosixFiles.lstatIfExists(candidate);
            if (stat.isEmpty()) {
                continue;
            }
            if (isWhiteout(stat.get())) {
                return Lower.NONE;
            }
            if (!stat.get().isDirectory()) {
                return new Lower(true, List.of());
            }
            return new Lower(true, directoriesFrom(lowerStack, i, name, candidate));
        }
        return Lower.NONE;
    }

    /** The directories overlayfs merges at {@code name}, from the topmost one at index {@code first} down. */
    private static List<Path> directoriesFrom(List<Path> lowerStack, int first, String name, Path top)
            throws IOException {
        List<Path> merged = new ArrayList<>();
        merged.add(top);
        if (isOpaque(top)) {
            return merged;
        }
        for (int i = first + 1; i < lowerStack.size(); i++) {
            Path candidate = lowerStack.get(i).resolve(name);
            Optional<FileStat> stat = PosixFiles.lstatIfExists(candidate);
            if (stat.isEmpty()) {
                continue;
            }
            if (!stat.get().isDirectory()) {
                break; // a whiteout or a file ends the merge
            }
            merged.add(candidate);
            if (isOpaque(candidate)) {
                break;
            }
        }
        return merged;
    }

    /** The names the image shows in a directory made of these lower directories. */
    private static Set<String> visibleNames(List<Path> lowerStack) throws IOException {
        Set<String> decided = new HashSet<>();
        Set<String> visible = new HashSet<>();
        for (Path lower : lowerStack) {
            for (String name : names(lower)) {
                if (decided.add(name) && !isWhiteout(PosixFiles.lstat(lower.resolve(name)))) {
                    visible.add(name);
                }
            }
        }
        return visible;
    }

    private static List<String> names(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        return names;
    }

    private static boolean isWhiteout(FileStat stat) {
        return stat.isCharacterDevice() && stat.rdevMajor() == 0 && stat.rdevMinor() == 0;
    }

    private static boolean isOpaque(Path dir) throws IOException {
        try {
            return isY(Xattrs.get(dir, Whiteouts.TRUSTED_OPAQUE_XATTR)) || isY(Xattrs.get(dir, Whiteouts.USER_OPAQUE_XATTR));
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOTSUP) {
                return false; // a file system without extended attributes has no opaque directories
            }
            throw e;
        }
    }

    private static boolean isY(Optional<byte[]> value) {
        return value.isPresent() && value.get().length == 1 && value.get()[0] == 'y';
    }
}
