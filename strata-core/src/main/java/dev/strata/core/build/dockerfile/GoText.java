package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The few text primitives whose exact Go behaviour Docker's Dockerfile front end depends on: what counts as a space,
 * how a string is quoted in a message, how a line is cut at whitespace.
 */
final class GoText {
    private GoText() {}

    /** Go's {@code unicode.IsSpace}. */
    static boolean isSpace(int c) {
        if (c <= 0xFF) {
            return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
        }
        return Character.isSpaceChar(c);
    }

    /** The whitespace of the parser's {@code [\t\v\f\r ]+} splitting, which leaves out newlines and Unicode spaces. */
    static boolean isSplitSpace(char c) {
        return c == ' ' || c == '\t' || c == 0x0B || c == '\f' || c == '\r';
    }

    /** Go's {@code strings.TrimSpace}. */
    static String trimSpace(String s) {
        return trimRightSpace(trimLeftSpace(s));
    }

    static String trimLeftSpace(String s) {
        int i = 0;
        while (i < s.length() && isSpace(s.codePointAt(i))) {
            i += Character.charCount(s.codePointAt(i));
        }
        return s.substring(i);
    }

    static String trimRightSpace(String s) {
        int end = s.length();
        while (end > 0 && isSpace(s.codePointBefore(end))) {
            end -= Character.charCount(s.codePointBefore(end));
        }
        return s.substring(0, end);
    }

    /** Go's {@code strings.TrimRight(s, "\r\n")}: a line without its ending. */
    static String trimNewline(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }

    /** Splits at runs of {@code [\t\v\f\r ]} into at most {@code limit} parts (no limit when negative), as Go's regexp Split. */
    static List<String> splitWhitespace(String s, int limit) {
        List<String> parts = new ArrayList<>();
        if (limit == 0) {
            return parts;
        }
        int start = 0;
        int i = 0;
        while (i < s.length()) {
            if (limit > 0 && parts.size() == limit - 1) {
                break;
            }
            if (isSplitSpace(s.charAt(i))) {
                int end = i;
                while (i < s.length() && isSplitSpace(s.charAt(i))) {
                    i++;
                }
                parts.add(s.substring(start, end));
                start = i;
            } else {
                i++;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    /** A code point as Go's {@code string(rune)} shows it; end of input (-1) becomes U+FFFD. */
    static String rune(int c) {
        return c < 0 ? "\uFFFD" : new String(Character.toChars(c));
    }
}
