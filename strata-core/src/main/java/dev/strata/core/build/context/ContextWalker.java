package dev.strata.core.build.context;

import dev.strata.core.sys.DirectoryLister;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Lists a directory of a build context with everything below it that the ignore rules keep, parents before their
 * children, in the order the directories hand their names out (sorting thousands of names costs more than the
 * checksums need; {@link PlannedEntries} sorts when entries are asked for), never following a symbolic link. An
 * excluded directory is only looked into when an exception could bring something below it back, and then it is
 * listed itself too, as the parent of what came back. Sockets are left out, as Docker leaves them out of the
 * context it sends. One thread walks, through one {@link DirectoryLister}: on a fresh JVM, where a cached build's
 * walk runs interpreted, a pool of threads cost more to start and feed than it saved on a few thousand files.
 * Stateless apart from its root and rules; thread-safe.
 */
final class ContextWalker {
    private final Path root;
    private final IgnoreRules rules;

    ContextWalker(Path root, IgnoreRules rules) {
        this.root = root;
        this.rules = rules;
    }

    /** What lies below the directory {@code start} (a clean relative path, {@code ""} for the root). */
    List<ContextFile> below(String start) throws IOException {
        IgnoreRules.Match state = null;
        if (!start.isEmpty()) {
            String prefix = "";
            for (String part : start.split("/")) {
                prefix = GoPaths.join(prefix, part);
                state = rules.match(prefix, state);
            }
        }
        List<ContextFile> out = new ArrayList<>();
        try (DirectoryLister lister = new DirectoryLister()) {
            walk(lister, start, start.isEmpty() ? root : root.resolve(start), state, out);
        }
        return out;
    }

    /** The entry at {@code path} (clean, relative) itself, or null if there is none. */
    ContextFile entry(String path) throws IOException {
        Path absolute = path.isEmpty() ? root : root.resolve(path);
        try {
            return file(path, absolute, FileInfo.read(absolute));
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    /** A subdirectory met while listing its parent, walked once the parent's listing is done. */
    private record Subdirectory(ContextFile file, Path absolute, IgnoreRules.Match state, boolean included) {}

    /**
     * Lists {@code dir} into {@code out}, then walks its subdirectories: an included one after its own entry, an
     * excluded one that an exception may reach into with its entry kept only if something below it came back.
     */
    private void walk(DirectoryLister lister, String dir, Path absoluteDir, IgnoreRules.Match dirState,
            List<ContextFile> out) throws IOException {
        List<Subdirectory> subdirectories = new ArrayList<>();
        String prefix = dir.isEmpty() ? "" : dir + "/";
        lister.list(absoluteDir, (name, stat) -> {
            String path = prefix.concat(name); // not `+`: its bootstrap's method handles run interpreted here
            IgnoreRules.Match state = rules.isEmpty() ? null : rules.match(path, dirState);
            boolean included = state == null || state.included();
            FileInfo info = FileInfo.of(stat);
            if (info.isDirectory()) {
                if (included || rules.mayIncludeBelow(path)) {
                    ContextFile file = new ContextFile(path, root, info, null);
                    subdirectories.add(new Subdirectory(file, absoluteDir.resolve(name), state, included));
                    if (included) {
                        out.add(file);
                    }
                }
            } else if (included && !info.isSocket()) {
                out.add(info.isSymbolicLink() ? file(path, absoluteDir.resolve(name), info)
                        : new ContextFile(path, root, info, null));
            }
        });
        for (Subdirectory sub : subdirectories) {
            int mark = out.size();
            if (!sub.included()) {
                out.add(sub.file());
            }
            walk(lister, sub.file().path(), sub.absolute(), sub.state(), out);
            if (!sub.included() && out.size() == mark + 1) { // nothing came back: the directory stays out too
                out.remove(mark);
            }
        }
    }

    private ContextFile file(String path, Path absolute, FileInfo info) throws IOException {
        String link = info.isSymbolicLink() ? Files.readSymbolicLink(absolute).toString() : null;
        return new ContextFile(path, root, info, link);
    }

    /** The entries of {@code dir}, sorted by name if asked. */
    static Path[] children(Path dir, boolean sort) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir)) {
            for (Path child : stream) {
                children.add(child);
            }
        }
        Path[] array = children.toArray(new Path[0]);
        if (sort) {
            Arrays.sort(array); // within one directory, path order is name order, byte by byte as Go sorts
        }
        return array;
    }
}
