package dev.strata.core.build.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the context paths a COPY source glob matches, in the order Docker's walk of the context meets them
 * (depth first, sorted). Go's {@code *} and {@code ?} never match a slash, so the glob is matched one path
 * component per directory level and only directories that can still match are entered; symbolic links to
 * directories are not entered, as Docker's walk does not enter them. Excluded paths are not there to match.
 */
final class GlobExpander {
    private final Path root;
    private final IgnoreRules rules;

    GlobExpander(Path root, IgnoreRules rules) {
        this.root = root;
        this.rules = rules;
    }

    /** @param glob clean and relative */
    List<String> expand(String glob) throws IOException {
        String[] parts = glob.split("/");
        Pattern[] patterns = new Pattern[parts.length];
        for (int i = 0; i < parts.length; i++) {
            patterns[i] = Pattern.compile(Glob.toRegex(parts[i]));
        }
        List<String> matches = new ArrayList<>();
        walk("", root, patterns, 0, matches);
        return matches;
    }

    private void walk(String dir, Path absoluteDir, Pattern[] patterns, int depth, List<String> matches)
            throws IOException {
        for (Path absolute : ContextWalker.children(absoluteDir, true)) {
            String name = absolute.getFileName().toString();
            if (!patterns[depth].matcher(name).matches()) {
                continue;
            }
            String path = GoPaths.join(dir, name);
            if (depth == patterns.length - 1) {
                if (rules.includes(path)) {
                    matches.add(path);
                }
            } else if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)
                    && (rules.includes(path) || rules.mayIncludeBelow(path))) {
                walk(path, absolute, patterns, depth + 1, matches);
            }
        }
    }
}
