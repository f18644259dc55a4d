package dev.strata.core.build.dockerfile;

import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads parser directives line by line until the first line that is not one: a blank line, an instruction, any
 * other comment. Directive names are case-insensitive; each may appear once. Not thread-safe.
 */
final class DirectiveParser {
    private static final Pattern DIRECTIVE =
            Pattern.compile("([a-zA-Z][a-zA-Z0-9]*)[\\t\\n\\f\\r ]*=[\\t\\n\\f\\r ]*(.+?)[\\t\\n\\f\\r ]*", Pattern.UNIX_LINES);
    private static final Set<String> KNOWN = Set.of("syntax", "escape", "check");

    private final Set<String> seen = new HashSet<>();
    private boolean done;
    private char escape = '\\';
    private String syntax;

    /** Whether {@code line} (without its line ending) was a directive; a bad one fails at {@code lineNumber}. */
    boolean accept(String line, String fileName, int lineNumber) {
        if (done) {
            return false;
        }
        if (!line.startsWith("#")) {
            done = true;
            return false;
        }
        Matcher m = DIRECTIVE.matcher(GoText.trimLeftSpace(line.substring(1)));
        if (!m.matches() || !KNOWN.contains(m.group(1).toLowerCase(Locale.ROOT))) {
            done = true;
            return false;
        }
        String key = m.group(1).toLowerCase(Locale.ROOT);
        if (!seen.add(key)) {
            throw DockerfileException.at(fileName, lineNumber, "only one " + key + " parser directive can be used");
        }
        String value = m.group(2);
        if (key.equals("escape")) {
            if (!value.equals("`") && !value.equals("\\")) {
                throw DockerfileException.at(fileName, lineNumber,
                        "invalid escape token '" + value + "' does not match ` or \\");
            }
            escape = value.charAt(0);
        } else if (key.equals("syntax")) {
            syntax = value;
        }
        return true;
    }

    char escape() {
        return escape;
    }

    Directives directives() {
        return new Directives(escape, Optional.ofNullable(syntax));
    }
}
