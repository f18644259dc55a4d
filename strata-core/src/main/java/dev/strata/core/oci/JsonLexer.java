package dev.strata.core.oci;

import java.nio.charset.StandardCharsets;

/**
 * The byte-level half of {@link JsonPullParser}: whitespace, strings (UTF-8 checked, escapes checked on the way
 * and decoded only when asked for), numbers and literals, each checked against RFC 8259's grammar, with errors
 * that say where. Strings and numbers are remembered as ranges of the document. Not thread-safe.
 */
final class JsonLexer {
    private static final int MAX_NUMBER_DIGITS = 1000;
    private static final int MAX_NAME_LENGTH = 50_000;
    private static final int MAX_STRING_LENGTH = 20_000_000;

    private final byte[] in;
    private int pos;
    private int tokenStart;
    /** The current string's content (between its quotes) or number's text. */
    private int start;
    private int end;
    private boolean escaped;

    JsonLexer(byte[] in) {
        this.in = in;
        // a UTF-8 byte order mark is skipped, as Jackson skips it (RFC 8259 section 8.1 allows ignoring it)
        boolean bom = in.length >= 3 && in[0] == (byte) 0xef && in[1] == (byte) 0xbb && in[2] == (byte) 0xbf;
        this.pos = bom ? 3 : 0;
    }

    /** Skips whitespace; the next byte (0-255), or -1 at the end of the document. */
    int skipWhitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return b & 0xff;
            }
            pos++;
        }
        return -1;
    }

    void startToken() {
        tokenStart = pos;
    }

    int tokenStart() {
        return tokenStart;
    }

    void skip(int bytes) {
        pos += bytes;
    }

    /** A field name: the string at the current position, decoded. */
    String name() {
        scanString(MAX_NAME_LENGTH, "name");
        return stringText();
    }

    JsonToken string() {
        scanString(MAX_STRING_LENGTH, "string");
        return JsonToken.VALUE_STRING;
    }

    /** Checks the string starting (at its opening quote) at the current position and moves past it. */
    private void scanString(int maxLength, String what) {
        int i = pos + 1;
        start = i;
        escaped = false;
        int chars = 0;
        while (true) {
            int b = at(i);
            if (b == '"') {
                break;
            }
            if (b < 0) {
                throw error("Unexpected end-of-input in a " + what, i);
            }
            if (b == '\\') {
                escaped = true;
                i = escapeEnd(i);
            } else if (b < 0x20) {
                throw error("Illegal unquoted character (code " + b + "): it must be escaped in a " + what, i);
            } else if (b < 0x80) {
                i++;
            } else {
                chars += b >= 0xf0 ? 1 : 0; // beyond the BMP: a surrogate pair
                i = utf8End(i, b);
            }
            if (++chars > maxLength) {
                throw error("a " + what + " longer than " + maxLength + " chars", start);
            }
        }
        end = i;
        pos = i + 1;
    }

    private int escapeEnd(int backslash) {
        int c = at(backslash + 1);
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> {
                return backslash + 2;
            }
            case 'u' -> {
                for (int i = backslash + 2; i < backslash + 6; i++) {
                    if (hex(at(i)) < 0) {
                        throw unexpected(at(i), i, "expected a hex digit in a \\u escape");
                    }
                }
                return backslash + 6;
            }
            default -> throw c < 0 ? unexpected(c, backslash + 1, "expected a character escape")
                    : error("Unrecognized character escape '\\" + (char) c + "' (code " + c + ")", backslash);
        }
    }

    /** Checks one multi-byte UTF-8 sequence (well-formed per Unicode's table 3-7); where the next one starts. */
    private int utf8End(int i, int lead) {
        int length;
        int low = 0x80;
        int high = 0xbf;
        if (lead >= 0xc2 && lead <= 0xdf) {
            length = 2;
        } else if (lead >= 0xe0 && lead <= 0xef) {
            length = 3;
            low = lead == 0xe0 ? 0xa0 : low; // no overlong forms
            high = lead == 0xed ? 0x9f : high; // no encoded surrogates
        } else if (lead >= 0xf0 && lead <= 0xf4) {
            length = 4;
            low = lead == 0xf0 ? 0x90 : low;
            high = lead == 0xf4 ? 0x8f : high; // nothing beyond U+10FFFF
        } else {
            throw error("Invalid UTF-8 start byte 0x" + Integer.toHexString(lead), i);
        }
        for (int k = 1; k < length; k++) {
            int b = at(i + k);
            if (b < low || b > high) {
                throw error(b < 0 ? "Unexpected end-of-input in a UTF-8 sequence"
                        : "Invalid UTF-8 continuation byte 0x" + Integer.toHexString(b), i + k);
            }
            low = 0x80;
            high = 0xbf;
        }
        return i + length;
    }

    /** The current string's text, decoded. */
    String stringText() {
        if (!escaped) {
            return new String(in, start, end - start, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(end - start);
        int i = start;
        while (i < end) {
            int run = i;
            while (i < end && in[i] != '\\') {
                i++;
            }
            text.append(new String(in, run, i - run, StandardCharsets.UTF_8)); // runs end at ASCII: no split sequence
            if (i < end) {
                byte c = in[i + 1];
                switch (c) {
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    // a surrogate pair is two escapes, appended one char each; a lone surrogate stays, as in Jackson
                    case 'u' -> text.append((char) (hex(in[i + 2]) << 12 | hex(in[i + 3]) << 8 | hex(in[i + 4]) << 4
                            | hex(in[i + 5])));
                    default -> text.append((char) c); // " \ /
                }
                i += c == 'u' ? 6 : 2;
            }
        }
        return text.toString();
    }

    JsonToken literal(String word, JsonToken token) {
        for (int i = 0; i < word.length(); i++) {
            if (at(pos + i) != word.charAt(i)) {
                throw unrecognized();
            }
        }
        // as Jackson: "truex" is one bad token, not true and then an unexpected x
        if (wordByte(at(pos + word.length()))) {
            throw unrecognized();
        }
        pos += word.length();
        return token;
    }

    /** A word where a value should be ({@code NaN}, {@code tru}, {@code container}), named whole. */
    MalformedJsonException unrecognized() {
        int end = pos;
        while (end - pos < 64 && wordByte(at(end))) {
            end++;
        }
        String word = new String(in, pos, end - pos, StandardCharsets.ISO_8859_1);
        return error("Unrecognized token '" + word + "': expected a value (a string, number, object, array, true, "
                + "false or null)", pos);
    }

    private static boolean wordByte(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }

    /** A number as RFC 8259 writes it; at the top level, as Jackson, it must be followed by whitespace or the end. */
    JsonToken number(boolean topLevel) {
        int i = pos;
        if (at(i) == '-') {
            i++;
        }
        int digits = i;
        i = digitsEnd(i, "expected a digit");
        if (in[digits] == '0' && i - digits > 1) {
            throw error("Invalid numeric value: Leading zeroes not allowed", digits);
        }
        int count = i - digits;
        boolean integral = true;
        if (at(i) == '.') {
            integral = false;
            int fraction = i + 1;
            i = digitsEnd(fraction, "expected a digit after the decimal point");
            count += i - fraction;
        }
        if (at(i) == 'e' || at(i) == 'E') {
            integral = false;
            i += at(i + 1) == '+' || at(i + 1) == '-' ? 2 : 1;
            int exponent = i;
            i = digitsEnd(exponent, "expected a digit in the exponent");
            count += i - exponent;
        }
        if (count > MAX_NUMBER_DIGITS) {
            throw error("a number of more than " + MAX_NUMBER_DIGITS + " digits", pos);
        }
        int next = at(i);
        if (topLevel && next >= 0 && next != ' ' && next != '\n' && next != '\r' && next != '\t') {
            throw unexpected(next, i, "expected whitespace after a top-level number");
        }
        start = pos;
        end = i;
        pos = i;
        return integral ? JsonToken.VALUE_NUMBER_INT : JsonToken.VALUE_NUMBER_FLOAT;
    }

    private int digitsEnd(int from, String expected) {
        int i = from;
        while (at(i) >= '0' && at(i) <= '9') {
            i++;
        }
        if (i == from) {
            throw unexpected(at(i), i, expected);
        }
        return i;
    }

    String numberText() {
        return new String(in, start, end - start, StandardCharsets.ISO_8859_1);
    }

    private int at(int i) {
        return i < in.length ? in[i] & 0xff : -1;
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int letter = c | 0x20; // lower case
        return letter >= 'a' && letter <= 'f' ? letter - 'a' + 10 : -1;
    }

    /** Byte {@code c} (or the end, for -1) where something else was expected, at the current position. */
    MalformedJsonException unexpected(int c, String expected) {
        return unexpected(c, pos, expected);
    }

    private MalformedJsonException unexpected(int c, int at, String expected) {
        if (c < 0) {
            return error("Unexpected end-of-input: " + expected, at);
        }
        String shown = c > 0x20 && c < 0x7f ? "'" + (char) c + "'" : "0x" + Integer.toHexString(c);
        String hint = c == '/' || c == '#' ? " (JSON has no comments)" : "";
        return error("Unexpected character " + shown + ": " + expected + hint, at);
    }

    MalformedJsonException error(String problem) {
        return error(problem, pos);
    }

    private static MalformedJsonException error(String problem, int at) {
        return MalformedJsonException.syntax(problem, at);
    }
}
