package dev.strata.core.build.dockerfile;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The glob patterns of {@code ${VAR#pattern}}, {@code ${VAR%pattern}} and {@code ${VAR/pattern/replacement}}:
 * {@code ?} is one character, {@code *} any run of them, a backslash makes {@code * ? \} literal; no brackets.
 */
final class ShellPattern {
    private ShellPattern() {}

    /** {@code value} without the shortest (or, greedy, longest) prefix matching {@code glob}. */
    static String trimPrefix(String glob, String value, boolean greedy) {
        Matcher m = compile(glob, greedy, true).matcher(value);
        return m.find() ? value.substring(m.end()) : value;
    }

    /** {@code value} without the shortest (or, greedy, longest) suffix matching {@code glob}. */
    static String trimSuffix(String glob, String value, boolean greedy) {
        // a regex finds the leftmost match only, so search the reversed value with the reversed pattern
        String reversed = trimPrefix(reversePattern(glob), reverse(value), greedy);
        return reverse(reversed);
    }

    /** {@code value} with the first (or every) match of {@code glob} replaced by the literal {@code replacement}. */
    static String replace(String glob, String value, String replacement, boolean all) {
        Matcher m = compile(glob, true, false).matcher(value);
        if (all) {
            return m.replaceAll(Matcher.quoteReplacement(replacement));
        }
        return m.find() ? value.substring(0, m.start()) + replacement + value.substring(m.end()) : value;
    }

    static Pattern compile(String glob, boolean greedy, boolean anchored) {
        int[] cps = glob.codePoints().toArray();
        StringBuilder out = new StringBuilder(anchored ? "^" : "");
        for (int i = 0; i < cps.length; i++) {
            int tok = cps[i];
            switch (tok) {
                case '*' -> out.append(greedy ? ".*" : ".*?");
                case '?' -> out.append('.');
                case '\\' -> {
                    // a backslash before } or / only protected it from ${...} parsing
                    if (i + 1 < cps.length && (cps[i + 1] == '}' || cps[i + 1] == '/')) {
                        continue;
                    }
                    int escaped = ++i < cps.length ? cps[i] : -1;
                    if (escaped != '*' && escaped != '?' && escaped != '\\') {
                        throw new IllegalArgumentException("invalid escape '\\" + GoText.rune(escaped) + "'");
                    }
                    out.append('\\').appendCodePoint(escaped);
                }
                case '[', ']', '{', '}', '.', '+', '(', ')', '|', '^', '$' -> out.append('\\').appendCodePoint(tok);
                default -> out.appendCodePoint(tok);
            }
        }
        return Pattern.compile(out.toString(), Pattern.UNIX_LINES);
    }

    /** The pattern backwards, each escape pair kept in its order: {@code a\*c} becomes {@code c\*a}. */
    static String reversePattern(String glob) {
        int[] cps = glob.codePoints().toArray();
        int[] out = new int[cps.length];
        int last = cps.length - 1;
        for (int i = 0; i <= last; ) {
            int at = last - i;
            if (cps[i] == '\\' && i != last) {
                out[at - 1] = cps[i];
                out[at] = cps[i + 1];
                i += 2;
            } else {
                out[at] = cps[i];
                i++;
            }
        }
        return new String(out, 0, out.length);
    }

    private static String reverse(String s) {
        return new StringBuilder(s).reverse().toString();
    }
}
