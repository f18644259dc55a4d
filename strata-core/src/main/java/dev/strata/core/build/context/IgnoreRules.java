package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of a {@code .dockerignore} file: which paths of a build context are left out of it. Lines are read as
 * Docker reads them (a UTF-8 byte order mark dropped, lines starting with {@code #} skipped, surrounding white
 * space trimmed, each pattern cleaned so that {@code ./a}, {@code a/} and {@code /a} all mean {@code a}); a path is
 * excluded when the last pattern matching it or one of its parent directories is not a {@code !} exception.
 * Immutable and thread-safe.
 */
public final class IgnoreRules {
    private static final IgnoreRules NONE = new IgnoreRules(List.of(), "");

    private final List<IgnorePattern> patterns;
    private final boolean hasExclusions;
    private final String source;

    private IgnoreRules(List<IgnorePattern> patterns, String source) {
        this.patterns = List.copyOf(patterns);
        this.hasExclusions = patterns.stream().anyMatch(IgnorePattern::exclusion);
        this.source = source;
    }

    /** Rules that exclude nothing (no .dockerignore). */
    public static IgnoreRules none() {
        return NONE;
    }

    /**
     * Parses the text of an ignore file.
     *
     * @param source the file's name, for messages
     * @throws StrataException INVALID_ARGUMENT for a malformed pattern or a lone {@code !}
     */
    public static IgnoreRules parse(String text, String source) {
        List<IgnorePattern> patterns = new ArrayList<>();
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int number = 0;
        for (String line : body.split("\r?\n", -1)) {
            number++;
            if (line.startsWith("#")) {
                continue;
            }
            String pattern = line.strip();
            if (pattern.isEmpty()) {
                continue;
            }
            boolean exclusion = pattern.charAt(0) == '!';
            if (exclusion) {
                pattern = pattern.substring(1).strip();
                if (pattern.isEmpty()) {
                    throw invalid(source, number, "illegal exclusion pattern: \"!\"");
                }
            }
            pattern = GoPaths.clean(pattern);
            if (pattern.length() > 1 && pattern.charAt(0) == '/') {
                pattern = pattern.substring(1);
            }
            try {
                patterns.add(IgnorePattern.compile(pattern, exclusion));
            } catch (StrataException e) {
                throw invalid(source, number, e.getMessage());
            }
        }
        return patterns.isEmpty() ? NONE : new IgnoreRules(patterns, source);
    }

    /** Reads {@code file}; no file means no rules. */
    public static IgnoreRules read(Path file) {
        try {
            return parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.getFileName().toString());
        } catch (NoSuchFileException e) {
            return NONE;
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot read " + file + ": " + e.getMessage() + "; check its permissions", e);
        }
    }

    /** Whether nothing is excluded. */
    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** The patterns as cleaned, exceptions with their {@code !}, in file order. */
    public List<String> patterns() {
        return patterns.stream().map(p -> p.exclusion() ? "!" + p.text() : p.text()).toList();
    }

    /**
     * Whether {@code relativePath} (slash-separated, relative to the context root; cleaned here) is part of the
     * context. The root itself always is.
     */
    public boolean includes(String relativePath) {
        String path = GoPaths.clean(relativePath);
        if (patterns.isEmpty() || path.equals(".")) {
            return true;
        }
        return !excludedWithParents(path);
    }

    /** Docker's "matches or parent matches": each pattern is tried on the path and on each of its parents. */
    private boolean excludedWithParents(String path) {
        boolean matched = false;
        for (IgnorePattern pattern : patterns) {
            if (pattern.exclusion() != matched) {
                continue; // only an exception can change an exclusion, and only a pattern can exclude
            }
            boolean match = pattern.matches(path);
            for (int slash = path.indexOf('/'); !match && slash >= 0; slash = path.indexOf('/', slash + 1)) {
                match = pattern.matches(path.substring(0, slash));
            }
            if (match) {
                matched = !pattern.exclusion();
            }
        }
        return matched;
    }

    /**
     * The match state of {@code path}, given its parent directory's: the faster form of {@link #includes} for a
     * walk that goes from parents to children (a pattern matching the parent matches the child).
     *
     * @param parent the parent's state, or null for a top-level entry
     */
    Match match(String path, Match parent) {
        if (patterns.isEmpty()) {
            return Match.INCLUDED;
        }
        // Every pattern is tried (none skipped), so that each child learns which patterns match one of its parents.
        boolean[] matchedPatterns = new boolean[patterns.size()];
        boolean matched = false;
        for (int i = 0; i < matchedPatterns.length; i++) {
            IgnorePattern pattern = patterns.get(i);
            boolean match = (parent != null && parent.patterns != null && parent.patterns[i]) || pattern.matches(path);
            matchedPatterns[i] = match;
            if (match && pattern.exclusion() == matched) {
                matched = !pattern.exclusion();
            }
        }
        return new Match(!matched, matchedPatterns);
    }

    /**
     * Whether a walk must look inside the excluded directory {@code dir}: only if an exception could re-include
     * something below it.
     */
    boolean mayIncludeBelow(String dir) {
        if (!hasExclusions) {
            return false;
        }
        for (IgnorePattern pattern : patterns) {
            if (pattern.exclusion() && pattern.mayMatchBelow(dir)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return patterns.isEmpty() ? "no ignore rules" : source + " " + patterns();
    }

    /** Where a path stands: included or not, and which patterns matched it or a parent (for its children). */
    record Match(boolean included, boolean[] patterns) {
        static final Match INCLUDED = new Match(true, null);
    }

    private static StrataException invalid(String source, int line, String problem) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot read " + source + ": line " + line
                + ": " + problem + "; fix the pattern (Go filepath.Match syntax)");
    }
}
