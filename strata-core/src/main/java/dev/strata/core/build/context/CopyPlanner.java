package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies Docker's rules for the sources of COPY and ADD to a build context: globs expanded against what the
 * ignore rules keep, a source path's symbolic links followed (inside the context), a directory copying its
 * contents and not itself, several sources only into a directory, a file into an existing directory taking its
 * own name; and computes the checksum that keys the build cache. Symbolic links inside a copied directory are
 * copied as links. Thread-safe if its {@link ContextChecksums} is.
 */
public final class CopyPlanner {
    private final BuildContext context;
    private final IgnoreRules rules;
    private final ContextChecksums checksums;
    private final ContextWalker walker;
    private final String rulesKey;

    public CopyPlanner(BuildContext context, IgnoreRules rules, ContextChecksums checksums) {
        this.context = context;
        this.rules = rules;
        this.checksums = checksums;
        this.walker = new ContextWalker(context.root(), rules);
        this.rulesKey = rules.isEmpty() ? "" : sha256(rules.patterns()).substring(0, 16);
    }

    /**
     * Plans one instruction.
     *
     * @throws StrataException NOT_FOUND for a source that is not in the context or is excluded, with Docker's
     *     "COPY failed: file not found in build context or excluded by .dockerignore: stat X: file does not exist";
     *     INVALID_ARGUMENT for several sources into a destination that is not a directory, or a URL given to COPY
     */
    public CopyPlan plan(CopyRequest request) {
        try {
            return planChecked(request);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, request.instruction() + " failed: cannot read the "
                    + "build context " + context.root() + ": " + e.getMessage(), e);
        }
    }

    private CopyPlan planChecked(CopyRequest request) throws IOException {
        String instruction = request.instruction();
        List<Found> found = new ArrayList<>();
        for (String written : request.sources()) {
            if (written.startsWith("http://") || written.startsWith("https://")) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, instruction
                        + " failed: source can't be a URL for " + instruction + " (only ADD downloads URLs)");
            }
            String trimmed = trim(written);
            if (Glob.hasWildcards(trimmed)) {
                for (String match : new GlobExpander(context.root(), rules).expand(GoPaths.insideRoot(trimmed))) {
                    found.add(find(instruction, match, match));
                }
            } else {
                found.add(find(instruction, written, trimmed));
            }
        }
        if (found.isEmpty()) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, instruction + " failed: no source files were specified");
        }
        String written = request.destination();
        boolean intoDirectory = written.endsWith("/") || written.equals(".") || written.endsWith("/.")
                || written.equals("..") || written.endsWith("/..");
        if (found.size() > 1 && !intoDirectory) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "When using " + instruction
                    + " with more than one source file, the destination must be a directory and end with a /");
        }
        String destination = written.startsWith("/") ? GoPaths.clean(written)
                : GoPaths.clean("/" + request.workdir() + "/" + written);
        List<CopySource> sources = new ArrayList<>();
        List<PlannedEntries.Segment> entries = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            Found source = found.get(i);
            if (source.file.info().isDirectory()) {
                sources.add(directory(i, source, destination, entries));
            } else {
                String hash = checksums.source(sourceKey("file", source.file.path()), List.of(source.file),
                        hashes -> "file:" + FileHash.hex(hashes[0]));
                String name = source.name;
                java.util.function.Supplier<String> target = () -> intoDirectory
                        || request.existingDirectory().test(destination)
                        ? PlannedEntries.under(destination, GoPaths.base(GoPaths.clean("/" + name)))
                        : destination;
                entries.add(new PlannedEntries.Segment(i, List.of(source.file), destination, 0, target));
                sources.add(new CopySource(source.name, source.file.path(), source.file.absolute(), false, hash));
            }
        }
        String checksum = sources.size() == 1 ? sources.getFirst().checksum()
                : "multi:" + sha256(sources.stream().map(CopySource::checksum).toList());
        return new CopyPlan(checksum, destination, written, sources, new PlannedEntries(entries));
    }

    private CopySource directory(int index, Found source, String destination, List<PlannedEntries.Segment> entries)
            throws IOException {
        String dir = source.file.path();
        List<ContextFile> below = walker.below(dir);
        List<ContextFile> hashed = new ArrayList<>(below.size() + 1);
        if (!dir.isEmpty()) {
            hashed.add(source.file); // Docker counts the directory itself, except for the context root
        }
        hashed.addAll(below);
        String checksum = checksums.source(sourceKey("dir", dir), hashed,
                hashes -> "dir:" + FileHash.sortedListChecksum(hashes));
        int cut = dir.isEmpty() ? 0 : dir.length() + 1;
        entries.add(new PlannedEntries.Segment(index, below, destination, cut, null));
        return new CopySource(source.name, dir, source.file.absolute(), true, checksum);
    }

    /** What a source's cached checksum depends on besides its files' stat: the ignore rules that chose them. */
    private String sourceKey(String kind, String path) {
        return kind + ":" + rulesKey + ":" + path;
    }

    /** Follows the source's links inside the context; refuses what is missing or excluded as Docker words it. */
    private Found find(String instruction, String name, String trimmed) throws IOException {
        String path = GoPaths.insideRoot(trimmed);
        ScopedPaths.Resolved resolved = ScopedPaths.resolve(context.root(), path);
        ContextFile file = resolved.exists() && rules.includes(path) && rules.includes(resolved.path())
                ? walker.entry(resolved.path()) : null;
        if (file == null || file.info().isSocket()) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, instruction + " failed: file not found in build"
                    + " context or excluded by .dockerignore: stat " + trimmed + ": file does not exist");
        }
        return new Found(name, file);
    }

    /** Docker drops a leading {@code /} and then a leading {@code ./} from a source before anything else. */
    private static String trim(String source) {
        String s = source.startsWith("/") ? source.substring(1) : source;
        return s.startsWith("./") ? s.substring(2) : s;
    }

    private static String sha256(List<String> parts) {
        return FileHash.hex(FileHash.sha256().digest(String.join(",", parts).getBytes(StandardCharsets.UTF_8)));
    }

    private record Found(String name, ContextFile file) {}
}
