package dev.strata.core.build.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;

/**
 * Lists a directory of a build context with everything below it that the ignore rules keep, depth first, parents
 * before their children, in the order the directories hand their names out (sorting thousands of names costs more
 * than the checksums need; {@link PlannedEntries} sorts when entries are asked for), never following a symbolic link. An excluded directory is
 * only looked into when an exception could bring something below it back, and then it is listed itself too,
 * as the parent of what came back. Sockets are left out, as Docker leaves them out of the context it sends.
 * Directories are listed in parallel in the common fork-join pool. Stateless apart from its root and rules;
 * thread-safe.
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
        try {
            // Directories are listed in parallel: a walk is thousands of stat calls, each cheap but not free.
            return ForkJoinPool.commonPool().invoke(new DirectoryTask(start, start.isEmpty() ? root : root.resolve(start), state));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
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

    /** Lists one directory, forks a task for each included subdirectory, and gathers what they found. */
    private final class DirectoryTask extends RecursiveTask<List<ContextFile>> {
        private final String dir;
        private final Path absoluteDir;
        private final IgnoreRules.Match dirState;

        DirectoryTask(String dir, Path absoluteDir, IgnoreRules.Match dirState) {
            this.dir = dir;
            this.absoluteDir = absoluteDir;
            this.dirState = dirState;
        }

        @Override
        protected List<ContextFile> compute() {
            List<ContextFile> out = new ArrayList<>();
            List<DirectoryTask> forked = new ArrayList<>();
            try {
                walk(dir, absoluteDir, dirState, out, forked);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (DirectoryTask task : forked) {
                out.addAll(task.join());
            }
            return out;
        }
    }

    /** Lists {@code dir}; included subdirectories go to {@code forked}, excluded ones are looked into here. */
    private void walk(String dir, Path absoluteDir, IgnoreRules.Match dirState, List<ContextFile> out,
            List<DirectoryTask> forked) throws IOException {
        for (Path absolute : children(absoluteDir, false)) {
            String path = GoPaths.join(dir, absolute.getFileName().toString());
            IgnoreRules.Match state = rules.isEmpty() ? null : rules.match(path, dirState);
            boolean included = state == null || state.included();
            FileInfo info;
            try {
                info = FileInfo.read(absolute);
            } catch (java.nio.file.NoSuchFileException e) {
                continue; // removed while we looked: as if it had never been there
            }
            if (info.isSocket()) {
                continue;
            }
            if (info.isDirectory()) {
                if (included) {
                    out.add(file(path, absolute, info));
                    DirectoryTask task = new DirectoryTask(path, absolute, state);
                    task.fork();
                    forked.add(task);
                } else if (rules.mayIncludeBelow(path)) {
                    List<ContextFile> below = new ArrayList<>();
                    List<DirectoryTask> belowForked = new ArrayList<>();
                    walk(path, absolute, state, below, belowForked);
                    for (DirectoryTask task : belowForked) {
                        below.addAll(task.join());
                    }
                    if (!below.isEmpty()) { // something came back: the directory comes with it, as its parent
                        out.add(file(path, absolute, info));
                        out.addAll(below);
                    }
                }
            } else if (included) {
                out.add(file(path, absolute, info));
            }
        }
    }

    private static ContextFile file(String path, Path absolute, FileInfo info) throws IOException {
        String link = info.isSymbolicLink() ? Files.readSymbolicLink(absolute).toString() : null;
        return new ContextFile(path, absolute, info, link);
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
