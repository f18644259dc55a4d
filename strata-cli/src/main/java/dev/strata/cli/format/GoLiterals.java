package dev.strata.cli.format;

import dev.strata.cli.format.Node.NumberNode;
import dev.strata.cli.format.Token.Kind;
import dev.strata.core.GoQuote;

/** Turns Go string, character and number literals into values, as strconv and parse do. */
final class GoLiterals {

    private GoLiterals() {
    }

    /** Go's strconv.Unquote for "..." and `...` literals. */
    static String unquote(String literal) {
        if (literal.startsWith("`")) {
            return literal.substring(1, literal.length() - 1).replace("\r", "");
        }
        StringBuilder b = new StringBuilder();
        int end = literal.length() - 1;
        for (int i = 1; i < end; ) {
            int r = literal.codePointAt(i);
            if (r == '\n' || r == '"') {
                throw new IllegalArgumentException("invalid syntax");
            }
            if (r != '\\') {
                b.appendCodePoint(r);
                i += Character.charCount(r);
                continue;
            }
            i = appendEscape(b, literal, i + 1, '"');
        }
        return b.toString();
    }

    /** The rune value of a 'x' character constant. */
    static int unquoteRune(String literal) {
        String body = literal.substring(1, literal.length() - 1);
        if (body.isEmpty()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        int r;
        int next;
        if (body.charAt(0) == '\\') {
            StringBuilder b = new StringBuilder();
            next = appendEscape(b, body, 1, '\'');
            r = b.codePointAt(0);
        } else {
            r = body.codePointAt(0);
            next = Character.charCount(r);
        }
        if (next != body.length()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        return r;
    }

    private static int appendEscape(StringBuilder b, String s, int i, char quote) {
        if (i >= s.length()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        char c = s.charAt(i);
        switch (c) {
            case 'a' -> b.append('\u0007');
            case 'b' -> b.append('\b');
            case 'f' -> b.append('\f');
            case 'n' -> b.append('\n');
            case 'r' -> b.append('\r');
            case 't' -> b.append('\t');
            case 'v' -> b.append('\u000b');
            case '\\' -> b.append('\\');
            case 'x' -> {
                return appendCode(b, s, i + 1, 2, 16);
            }
            case 'u' -> {
                return appendCode(b, s, i + 1, 4, 16);
            }
            case 'U' -> {
                return appendCode(b, s, i + 1, 8, 16);
            }
            default -> {
                if (c >= '0' && c <= '7') {
                    return appendCode(b, s, i, 3, 8);
                }
                if (c != quote) {
                    throw new IllegalArgumentException("invalid syntax");
                }
                b.append(c);
            }
        }
        return i + 1;
    }

    private static int appendCode(StringBuilder b, String s, int from, int digits, int radix) {
        if (from + digits > s.length()) {
            throw new IllegalArgumentException("invalid syntax");
        }
        int value = Integer.parseUnsignedInt(s.substring(from, from + digits), radix);
        if (value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF && digits > 2)) {
            throw new IllegalArgumentException("invalid syntax");
        }
        if (digits == 2 || radix == 8) {
            // A byte escape; Strata strings are text, so bytes >= 0x80 become Latin-1 runes.
            b.append((char) value);
        } else {
            b.appendCodePoint(value);
        }
        return from + digits;
    }

    /** Parses a number or character constant token the way parse.newNumber does. */
    static NumberNode number(int pos, Kind kind, String text) {
        if (kind == Kind.CHAR_CONSTANT) {
            int r = unquoteRune(text);
            return new NumberNode(pos, text, true, r, true, r);
        }
        if (kind == Kind.COMPLEX || text.endsWith("i")) {
            throw new IllegalArgumentException("complex constants are not supported: "
                    + GoQuote.quote(text));
        }
        Long asInt = parseInt(text);
        if (asInt != null) {
            return new NumberNode(pos, text, true, asInt, true, asInt.doubleValue());
        }
        Double asFloat = parseFloat(text);
        if (asFloat == null) {
            throw new IllegalArgumentException("illegal number syntax: " + GoQuote.quote(text));
        }
        if (!containsAny(text, ".eEpP")) {
            throw new IllegalArgumentException("integer overflow: " + GoQuote.quote(text));
        }
        double f = asFloat;
        boolean integral = f == Math.rint(f) && Math.abs(f) < 0x1p63;
        return new NumberNode(pos, text, integral, integral ? (long) f : 0, true, f);
    }

    /** strconv.ParseInt(text, 0, 64), or null when it fails. */
    static Long parseInt(String text) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("+") || s.startsWith("-")) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        int radix = 10;
        boolean prefixed = false;
        if (s.length() >= 2 && s.charAt(0) == '0') {
            char p = Character.toLowerCase(s.charAt(1));
            radix = switch (p) {
                case 'x' -> 16;
                case 'o' -> 8;
                case 'b' -> 2;
                default -> 8;
            };
            prefixed = p == 'x' || p == 'o' || p == 'b';
            s = prefixed ? s.substring(2) : s.substring(1);
        }
        if (!underscoresOk(s, prefixed)) {
            return null;
        }
        s = s.replace("_", "");
        if (s.isEmpty()) {
            return radix == 8 && !prefixed ? 0L : null;
        }
        try {
            return Long.parseLong((negative ? "-" : "") + s, radix);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseFloat(String text) {
        if (!underscoresOk(text.replaceFirst("^[+-]?(0[xX])?", ""), true)) {
            return null;
        }
        String s = text.replace("_", "");
        boolean hex = s.matches("[+-]?0[xX].*");
        if (hex && !containsAny(s, "pP")) {
            return null;
        }
        if (!hex && !s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean underscoresOk(String digits, boolean afterPrefix) {
        if (digits.isEmpty()) {
            return true;
        }
        if (digits.startsWith("_") && !afterPrefix) {
            return false;
        }
        return !digits.endsWith("_") && !digits.contains("__");
    }

    private static boolean containsAny(String s, String chars) {
        for (int i = 0; i < chars.length(); i++) {
            if (s.indexOf(chars.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
