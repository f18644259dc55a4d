package dev.strata.core.build.context;

import dev.strata.core.StrataException;

/**
 * Translates Go's {@code filepath.Match} pattern syntax into a Java regular expression: {@code *} is any run of
 * non-slash characters, {@code ?} one non-slash character, {@code [a-z]} and {@code [^a-z]} classes, {@code \}
 * escapes the next character. Malformed patterns are refused as Go refuses them ("syntax error in pattern"),
 * whatever the name they would be matched against. Stateless.
 */
final class Glob {
    private Glob() {}

    /** Whether {@code pattern} holds an unescaped {@code *}, {@code ?} or {@code [}, as Docker tests COPY sources. */
    static boolean hasWildcards(String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '*' || c == '?' || c == '[') {
                return true;
            }
        }
        return false;
    }

    /** The regular expression (without anchors) matching exactly what Go's {@code filepath.Match} matches. */
    static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> i = appendClass(pattern, i, regex) - 1;
                case '\\' -> {
                    if (i + 1 >= pattern.length()) {
                        throw syntaxError(pattern);
                    }
                    appendLiteral(regex, pattern.charAt(++i));
                }
                default -> appendLiteral(regex, c);
            }
            i++;
        }
        return regex.toString();
    }

    /**
     * Appends the Java form of the class starting at {@code open} (a {@code [}) and returns the index after its
     * {@code ]}. Go's grammar: an optional {@code ^}, then one or more ranges {@code lo} or {@code lo-hi}, each end
     * a character other than {@code -} and {@code ]} or an escaped one.
     */
    static int appendClass(String pattern, int open, StringBuilder regex) {
        int i = open + 1;
        boolean negated = i < pattern.length() && pattern.charAt(i) == '^';
        if (negated) {
            i++;
        }
        StringBuilder body = new StringBuilder();
        int ranges = 0;
        while (true) {
            if (i < pattern.length() && pattern.charAt(i) == ']' && ranges > 0) {
                break;
            }
            int[] lo = classChar(pattern, i);
            int[] hi = lo;
            i = lo[1];
            if (pattern.charAt(i) == '-') {
                hi = classChar(pattern, i + 1);
                i = hi[1];
            }
            if (lo[0] <= hi[0]) { // Go accepts a reversed range, which matches nothing; Java would refuse it
                appendClassChar(body, lo[0]);
                if (hi[0] != lo[0]) {
                    body.append('-');
                    appendClassChar(body, hi[0]);
                }
            }
            ranges++;
        }
        if (body.isEmpty()) {
            regex.append(negated ? "[\\x{0}-\\x{10ffff}]" : "[^\\x{0}-\\x{10ffff}]");
        } else {
            regex.append(negated ? "[^" : "[").append(body).append(']');
        }
        return i + 1;
    }

    /** {code point, next index}; the class must go on after it. */
    private static int[] classChar(String pattern, int i) {
        if (i >= pattern.length() || pattern.charAt(i) == '-' || pattern.charAt(i) == ']') {
            throw syntaxError(pattern);
        }
        if (pattern.charAt(i) == '\\') {
            i++;
            if (i >= pattern.length()) {
                throw syntaxError(pattern);
            }
        }
        int codePoint = pattern.codePointAt(i);
        int next = i + Character.charCount(codePoint);
        if (next >= pattern.length()) {
            throw syntaxError(pattern);
        }
        return new int[] {codePoint, next};
    }

    private static void appendClassChar(StringBuilder regex, int codePoint) {
        regex.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
    }

    static void appendLiteral(StringBuilder regex, char c) {
        if ("\\.[]{}()<>*+-=!?^$|&".indexOf(c) >= 0) {
            regex.append('\\');
        }
        regex.append(c);
    }

    static StrataException syntaxError(String pattern) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                "syntax error in pattern \"" + pattern + "\"");
    }
}
