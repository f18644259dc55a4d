package dev.strata.core.snapshot.copy;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Whiteouts;
import dev.strata.core.snapshot.overlay.LowerStack;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a container changed in its copied root file system ({@link MergedCopy}), found by comparing the copy with the
 * snapshots it was copied from and written as an overlay upper directory would hold it: each entry that is new or
 * differs, the directories above it, and a 0/0 character device whiteout for each name the copy no longer has. An entry
 * differs when its type, mode, owner, modification time, size, device number, link target or extended attributes do
 * (a write moves the modification time; contents are not read, as Docker's {@code vfs} driver does not read them).
 * A file that shares its inode with a changed one is a change too, as overlayfs copies a file up to link it, so the
 * layer keeps the link. Regular files in the result are hard links to the copy's, so the result must live on the copy's
 * file system and be read while the copy holds still (the container stopped or frozen). One instance per comparison;
 * not thread-safe.
 */
public final class CopyChanges {
    private final FileCopier files = new FileCopier();
    private final List<OutDir> created = new ArrayList<>();
    private final Set<FileStat.Id> changedFiles = new HashSet<>();
    private final Map<FileStat.Id, List<Unchanged>> unchangedLinks = new HashMap<>();

    private CopyChanges() {}

    /**
     * Writes the changes of {@code tree} against {@code lowersTopFirst} into {@code out}, an existing empty directory
     * on the same file system as {@code tree}; returns whether there were any. An entry that vanishes during the walk
     * (a running container deleted it) is not a change.
     *
     * @throws StrataException of kind SYSTEM when an entry cannot be read or written
     */
    public static boolean collect(Path tree, List<Path> lowersTopFirst, Path out) {
        try {
            return new CopyChanges().compare(tree, LowerStack.root(lowersTopFirst), out);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot find what changed in " + tree + ": "
                    + e.getMessage(), e);
        }
    }

    private boolean compare(Path tree, List<Path> rootStack, Path out) throws IOException {
        boolean changed = directory(tree, rootStack, new OutDir(null, out, null, null, true));
        for (FileStat.Id key : changedFiles) {
            for (Unchanged link : unchangedLinks.getOrDefault(key, List.of())) {
                link.dir.create();
                PosixFiles.link(link.from, link.dir.path.resolve(link.from.getFileName().toString()));
            }
        }
        for (OutDir dir : created.reversed()) { // a directory's times once everything is in it: the deepest first
            files.metadata(dir.source, dir.path, dir.stat);
        }
        return changed;
    }

    /** Compares one directory of the copy with the lower directories merged at its path; true if anything changed. */
    private boolean directory(Path dir, List<Path> stack, OutDir out) throws IOException {
        boolean changed = false;
        Set<String> present = new HashSet<>();
        for (String name : LowerStack.names(dir)) {
            Path entry = dir.resolve(name);
            Optional<FileStat> found = PosixFiles.lstatIfExists(entry);
            if (found.isEmpty()) {
                continue;
            }
            present.add(name);
            FileStat stat = found.get();
            LowerStack.Lower lower = stack.isEmpty() ? LowerStack.Lower.NONE : LowerStack.lookUp(stack, name);
            boolean same = lower.exists() && sameEntry(entry, stat, lower.top(), lower.stat());
            if (stat.isDirectory()) {
                OutDir child = new OutDir(out, out.path.resolve(name), entry, stat, false);
                if (!same) {
                    child.create();
                }
                if (lower.exists() && !lower.stat().isDirectory()) { // as overlayfs marks a directory made over a file
                    Xattrs.set(child.path, Whiteouts.TRUSTED_OPAQUE_XATTR, new byte[] {'y'});
                }
                boolean merged = lower.exists() && lower.stat().isDirectory(); // else everything in it is new
                directory(entry, merged ? lower.directories() : List.of(), child);
                changed |= child.created;
            } else if (!same) {
                out.create();
                changed |= emit(entry, stat, out.path.resolve(name));
            } else if (stat.isRegularFile() && stat.links() > 1) {
                unchangedLinks.computeIfAbsent(stat.id(), k -> new ArrayList<>()).add(new Unchanged(entry, out));
            }
        }
        for (String name : stack.isEmpty() ? List.<String>of() : LowerStack.visible(stack).keySet()) {
            if (!present.contains(name)) {
                out.create();
                Whiteouts.create(out.path.resolve(name));
                changed = true;
            }
        }
        return changed;
    }

    /** Puts a changed non-directory into the result; false if it vanished meanwhile. */
    private boolean emit(Path from, FileStat stat, Path to) throws IOException {
        if (stat.isRegularFile()) {
            try {
                PosixFiles.link(from, to);
                if (stat.links() > 1) {
                    changedFiles.add(stat.id());
                }
            } catch (dev.strata.core.sys.ErrnoException e) {
                if (e.errno() == dev.strata.core.sys.ErrnoException.ENOENT) {
                    return false;
                }
                throw e;
            }
        } else {
            files.copy(from, stat, to);
        }
        return true;
    }

    /** Whether the copy's entry is still what the image has at its path. */
    private static boolean sameEntry(Path copy, FileStat a, Path image, FileStat b) throws IOException {
        if (a.mode() != b.mode() || a.uid() != b.uid() || a.gid() != b.gid()
                || a.mtimeSeconds() != b.mtimeSeconds() || a.mtimeNanos() != b.mtimeNanos()) {
            return false;
        }
        if (!a.isDirectory() && (a.size() != b.size() || a.rdevMajor() != b.rdevMajor() || a.rdevMinor() != b.rdevMinor())) {
            return false;
        }
        if (a.isSymbolicLink() && !Arrays.equals(PosixFiles.readSymbolicLink(copy), PosixFiles.readSymbolicLink(image))) {
            return false;
        }
        return xattrs(copy).equals(xattrs(image));
    }

    /** The extended attributes that travel in a layer, by name. */
    private static Map<String, String> xattrs(Path path) throws IOException {
        Map<String, String> values = new java.util.TreeMap<>();
        for (String name : Xattrs.list(path)) {
            if (!Whiteouts.isOverlayXattr(name)) {
                values.put(name, Xattrs.get(path, name).map(Arrays::toString).orElse(""));
            }
        }
        return values;
    }

    /** A file the container did not change, which shares its inode with other names. */
    private record Unchanged(Path from, OutDir dir) {}

    /**
     * A directory of the result, made only when something in it (or it) changed, after its parents; it takes the
     * owner, mode and times of {@code source} at the end.
     */
    private final class OutDir {
        private final OutDir parent;
        private final Path path;
        private final Path source;
        private final FileStat stat;
        private boolean created;

        OutDir(OutDir parent, Path path, Path source, FileStat stat, boolean created) {
            this.parent = parent;
            this.path = Objects.requireNonNull(path);
            this.source = source;
            this.stat = stat;
            this.created = created;
        }

        void create() throws IOException {
            if (created) {
                return;
            }
            parent.create();
            PosixFiles.mkdir(path, 0700);
            created = true;
            CopyChanges.this.created.add(this);
        }
    }
}
