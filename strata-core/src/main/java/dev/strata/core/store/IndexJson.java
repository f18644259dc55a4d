package dev.strata.core.store;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the image index's JSON into maps, lists, strings, longs, doubles, booleans and nulls. It exists for one
 * reason: {@code images} reads the index on every start, and any Jackson parser initialises {@code BigDecimal},
 * whose class initialiser on Java 25 computes 5<sup>65536</sup> — some 16 ms of CPU that the command otherwise
 * waits for. It reads all of RFC 8259 (escapes, surrogate pairs, nesting, any whitespace) and rejects anything
 * else with the offset of the problem; the index is written by Jackson's generator as before. Not thread-safe:
 * one instance reads one document.
 */
final class IndexJson {
    private static final int MAX_DEPTH = 64;

    private final byte[] in;
    private int pos;

    private IndexJson(byte[] in) {
        this.in = in;
    }

    /** The document's value; an {@link IllegalArgumentException} names what is wrong and where. */
    static Object parse(byte[] document) {
        IndexJson reader = new IndexJson(document);
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos != document.length) {
            throw reader.error("unexpected data after the document");
        }
        return value;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        if (pos >= in.length) {
            throw error("unexpected end of the document");
        }
        return switch (in[pos]) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object(int depth) {
        pos++; // {
        Map<String, Object> map = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            String name = string();
            skipWhitespace();
            expect(':');
            map.put(name, value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> array(int depth) {
        pos++; // [
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek() == ',') {
                pos++;
            } else {
                expect(']');
                return list;
            }
        }
    }

    private String string() {
        pos++; // opening quote
        int start = pos;
        while (pos < in.length && in[pos] != '"' && in[pos] != '\\') {
            if ((in[pos] & 0xff) < 0x20) {
                throw error("control character in a string");
            }
            pos++;
        }
        if (pos < in.length && in[pos] == '"') { // the common case: no escapes, decoded in one go
            return new String(in, start, pos++ - start, StandardCharsets.UTF_8);
        }
        StringBuilder text = new StringBuilder(new String(in, start, pos - start, StandardCharsets.UTF_8));
        while (true) {
            if (pos >= in.length) {
                throw error("unterminated string");
            }
            byte b = in[pos];
            if (b == '"') {
                pos++;
                return text.toString();
            }
            if (b == '\\') {
                pos++;
                text.append(escape());
                continue;
            }
            if ((b & 0xff) < 0x20) {
                throw error("control character in a string");
            }
            int run = pos;
            while (pos < in.length && in[pos] != '"' && in[pos] != '\\' && (in[pos] & 0xff) >= 0x20) {
                pos++;
            }
            text.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
        }
    }

    private char escape() {
        if (pos >= in.length) {
            throw error("unterminated escape");
        }
        byte b = in[pos++];
        return switch (b) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape(); // a surrogate pair is two escapes, appended one char at a time
            default -> throw error("invalid escape \\" + (char) b);
        };
    }

    private char unicodeEscape() {
        if (pos + 4 > in.length) {
            throw error("truncated \\u escape");
        }
        int code = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(in[pos++], 16);
            if (digit < 0) {
                throw error("invalid \\u escape");
            }
            code = code * 16 + digit;
        }
        return (char) code;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        int digits = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        if (pos == digits || (in[digits] == '0' && pos - digits > 1)) {
            throw error(pos == digits ? "unexpected character '" + (char) in[start] + "'" : "leading zero in a number");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            requireDigits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            requireDigits();
        }
        String text = new String(in, start, pos - start, StandardCharsets.US_ASCII);
        if (integral) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException beyondLong) {
                // as wide as a long can hold; past that, a double's approximation
            }
        }
        return Double.parseDouble(text);
    }

    private void requireDigits() {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        if (pos == start) {
            throw error("expected a digit");
        }
    }

    private Object literal(String word, Object value) {
        for (int i = 0; i < word.length(); i++) {
            if (pos >= in.length || in[pos] != word.charAt(i)) {
                throw error("invalid literal, expected " + word);
            }
            pos++;
        }
        return value;
    }

    private int peek() {
        return pos < in.length ? in[pos] : -1;
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace() {
        while (pos < in.length && (in[pos] == ' ' || in[pos] == '\n' || in[pos] == '\r' || in[pos] == '\t')) {
            pos++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException(problem + " at offset " + pos);
    }
}
