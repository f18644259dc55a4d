package dev.strata.cli.format;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Go's strings functions that Docker's template functions are made of, with Go's semantics. */
final class GoStrings {

    private GoStrings() {
    }

    /** strings.ToUpper: simple per-rune upper-casing, independent of locale. */
    static String toUpper(String s) {
        return s.codePoints().map(Character::toUpperCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** strings.ToLower: simple per-rune lower-casing, independent of locale. */
    static String toLower(String s) {
        return s.codePoints().map(Character::toLowerCase)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    /** strings.Title: title-cases every rune that follows a separator; the rest is unchanged. */
    static String title(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int prev = ' ';
        for (int i = 0; i < s.length(); ) {
            int r = s.codePointAt(i);
            i += Character.charCount(r);
            b.appendCodePoint(isSeparator(prev) ? Character.toTitleCase(r) : r);
            prev = r;
        }
        return b.toString();
    }

    private static boolean isSeparator(int r) {
        if (r <= 0x7F) {
            return !(Character.isLetterOrDigit(r) || r == '_');
        }
        if (Character.isLetter(r) || Character.isDigit(r)) {
            return false;
        }
        return Character.isWhitespace(r) || Character.isSpaceChar(r);
    }

    /** strings.Split: all substrings between separators; an empty separator splits into runes. */
    static List<String> split(String s, String sep) {
        List<String> parts = new ArrayList<>();
        if (sep.isEmpty()) {
            s.codePoints().forEach(r -> parts.add(new String(Character.toChars(r))));
            return parts;
        }
        int from = 0;
        int at;
        while ((at = s.indexOf(sep, from)) >= 0) {
            parts.add(s.substring(from, at));
            from = at + sep.length();
        }
        parts.add(s.substring(from));
        return parts;
    }

    /** len(s) in Go: the number of UTF-8 bytes. */
    static int byteLength(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** s[from:to] in Go, by UTF-8 byte offsets; a cut rune becomes U+FFFD. */
    static String byteSlice(String s, int from, int to) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IllegalStateException("cannot decode UTF-8 after REPLACE", e);
        }
    }
}
