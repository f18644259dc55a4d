package dev.strata.core.archive;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The directory a layer is applied to, and what this apply knows about it: which directories are real
 * directories (checked without following links, or made by us), and which other files the layer made.
 * Knowing keeps the check of an entry's parents to a set lookup instead of a stat per component. Not
 * thread-safe; one per apply.
 */
final class TargetTree {
    private final Path root;
    private final Set<String> directories = new HashSet<>();
    private final Set<String> layerFiles = new HashSet<>();

    TargetTree(Path root) {
        this.root = root;
        directories.add("");
    }

    Path resolve(String clean) {
        return clean.isEmpty() ? root : root.resolve(clean);
    }

    /**
     * Makes sure {@code clean} is a directory reached without symbolic links, creating missing ones (mode
     * 0755, as Docker does for parents a layer does not list).
     *
     * @throws UnsafeArchiveException if a symbolic link is on the way
     */
    void ensureDirectory(String clean, String entryName) throws IOException {
        if (directories.contains(clean)) {
            return;
        }
        ensureDirectory(EntryNames.parent(clean), entryName);
        Path path = resolve(clean);
        Optional<FileStat> stat = PosixFiles.lstatIfExists(path);
        if (stat.isEmpty()) {
            PosixFiles.mkdir(path, 0755);
            PosixFiles.chmod(path, 0755); // whatever the umask
        } else {
            check(stat.get(), clean, entryName);
        }
        directories.add(clean);
    }

    /** Like {@link #ensureDirectory} but creates nothing: a missing directory is refused. */
    void requireDirectory(String clean, String entryName, String missing) throws IOException {
        if (directories.contains(clean)) {
            return;
        }
        requireDirectory(EntryNames.parent(clean), entryName, missing);
        Optional<FileStat> stat = PosixFiles.lstatIfExists(resolve(clean));
        if (stat.isEmpty()) {
            throw new UnsafeArchiveException(entryName, missing);
        }
        check(stat.get(), clean, entryName);
        directories.add(clean);
    }

    private static void check(FileStat stat, String clean, String entryName) {
        if (stat.isSymbolicLink()) {
            throw new UnsafeArchiveException(entryName, "goes through the symbolic link " + EntryNames.quote(clean));
        }
        if (!stat.isDirectory()) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot extract layer: entry "
                    + EntryNames.quote(entryName) + " needs " + EntryNames.quote(clean) + " to be a directory, but it is not");
        }
    }

    boolean isDirectory(String clean) {
        return directories.contains(clean);
    }

    void addDirectory(String clean) {
        directories.add(clean);
    }

    /** True if this layer made a non-directory at {@code clean} that is still there. */
    boolean isLayerFile(String clean) {
        return layerFiles.contains(clean);
    }

    void addLayerFile(String clean) {
        layerFiles.add(clean);
    }

    /**
     * Forgets {@code clean}, and everything below it if it was a directory: it has been removed to make
     * room for a new entry. Only a removed directory costs a scan.
     */
    void forget(String clean, boolean wasDirectory) {
        directories.remove(clean);
        layerFiles.remove(clean);
        if (wasDirectory) {
            String below = clean + "/";
            directories.removeIf(d -> d.startsWith(below));
            layerFiles.removeIf(f -> f.startsWith(below));
        }
    }
}
