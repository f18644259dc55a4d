package dev.strata.core.build.context;

import java.util.regex.Pattern;

/**
 * One cleaned line of a .dockerignore file, matched the way Docker's pattern matcher does: a pattern with no
 * wildcard compares whole paths, {@code dir/**} is a prefix test, {@code **}{@code /name} a suffix test (it also
 * matches {@code name} itself), anything else a regular expression in which {@code **} spans any number of
 * directories. Immutable and thread-safe.
 *
 * @param text the pattern as cleaned, without its {@code !}
 * @param exclusion whether the line started with {@code !}: a match re-includes the path
 */
record IgnorePattern(String text, boolean exclusion, IgnorePattern.Type type, Pattern regex) {
    enum Type { EXACT, PREFIX, SUFFIX, REGEX }

    /** Compiles a cleaned pattern; throws the "syntax error in pattern" error for a malformed one. */
    static IgnorePattern compile(String text, boolean exclusion) {
        Glob.toRegex(text); // the syntax check Docker makes with filepath.Match, over the whole pattern
        StringBuilder regex = new StringBuilder();
        Type type = Type.EXACT;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
                boolean first = i == 0;
                i += 2;
                if (i < text.length() && text.charAt(i) == '/') {
                    i++; // "**/" is "**": it may also stand for no directory at all
                }
                if (i == text.length()) {
                    if (type == Type.EXACT) {
                        type = Type.PREFIX;
                    } else {
                        regex.append(".*");
                        type = Type.REGEX;
                    }
                } else {
                    regex.append("(.*/)?");
                    type = Type.REGEX;
                }
                if (first) {
                    type = Type.SUFFIX;
                }
                continue;
            }
            switch (c) {
                case '*' -> {
                    regex.append("[^/]*");
                    type = Type.REGEX;
                }
                case '?' -> {
                    regex.append("[^/]");
                    type = Type.REGEX;
                }
                case '[' -> {
                    i = Glob.appendClass(text, i, regex) - 1;
                    type = Type.REGEX;
                }
                case '\\' -> {
                    Glob.appendLiteral(regex, text.charAt(++i)); // the syntax check refused a trailing backslash
                    type = Type.REGEX;
                }
                default -> Glob.appendLiteral(regex, c);
            }
            i++;
        }
        Pattern compiled = type == Type.REGEX ? Pattern.compile(regex.toString()) : null;
        return new IgnorePattern(text, exclusion, type, compiled);
    }

    /** Whether the pattern matches {@code path} itself (a clean relative path), parents not considered. */
    boolean matches(String path) {
        return switch (type) {
            case EXACT -> path.equals(text);
            case PREFIX -> path.startsWith(text.substring(0, text.length() - 2));
            case SUFFIX -> {
                String suffix = text.substring(2);
                yield path.endsWith(suffix) || (suffix.startsWith("/") && path.equals(suffix.substring(1)));
            }
            case REGEX -> regex.matcher(path).matches();
        };
    }

    /**
     * Whether the pattern may match some path strictly below directory {@code dir}. May say yes when the answer is
     * no (the walk then only looks further than it had to); never says no when a path below could match.
     */
    boolean mayMatchBelow(String dir) {
        String below = dir + "/";
        return switch (type) {
            case EXACT -> text.startsWith(below);
            case PREFIX -> {
                String prefix = text.substring(0, text.length() - 2);
                yield prefix.startsWith(below) || below.startsWith(prefix);
            }
            case SUFFIX -> true;
            case REGEX -> regexMayMatchBelow(dir);
        };
    }

    private boolean regexMayMatchBelow(String dir) {
        String[] patternParts = text.split("/", -1);
        String[] dirParts = dir.split("/", -1);
        for (int k = 0; k < dirParts.length; k++) {
            if (k >= patternParts.length - 1) {
                return false; // the pattern ends at this depth or above: it cannot name anything below dir
            }
            String part = patternParts[k];
            if (part.contains("**")) {
                return true;
            }
            if (!componentMatches(part, dirParts[k])) {
                return false;
            }
        }
        return true;
    }

    private static boolean componentMatches(String part, String name) {
        try {
            return Pattern.matches(Glob.toRegex(part), name);
        } catch (RuntimeException e) {
            return true; // a component cut out of a class or escape: cannot tell, so let the walk look
        }
    }
}
