package dev.strata.core.oci;

import java.math.BigInteger;

/**
 * A strict RFC 8259 pull parser over one UTF-8 document, with the part of Jackson's {@code JsonParser} that the
 * codecs use, answering as Jackson answers (tokens, names, texts, numbers, and which documents are refused). It
 * exists because the first Jackson parser of a process initialises {@code BigDecimal}, whose class initialiser
 * computes 5<sup>65536</sup> on Java 25, some 18 ms that every command used to wait for; nothing here touches
 * {@code BigDecimal}. Limits are Jackson's defaults: nesting 1000 deep, numbers of 1000 digits, names of 50,000
 * and strings of 20,000,000 chars. Unlike Jackson it refuses ill-formed UTF-8 (overlong forms, encoded surrogates)
 * and anything but whitespace after the document, for a reader that asks for the token after it. Lexing is in
 * {@link JsonLexer}. Not thread-safe: one instance reads one document.
 */
public final class JsonPullParser {
    private static final int MAX_DEPTH = 1000;

    private final JsonLexer lexer;
    private JsonToken token;
    private String text;
    private int depth;
    /** Per open level (index 0 is the document itself): whether it is an object, and its current field name. */
    private boolean[] objects = new boolean[16];
    private String[] names = new String[16];
    private boolean done;

    public JsonPullParser(byte[] document) {
        this.lexer = new JsonLexer(document);
    }

    /** The next token; null at the end of the document (and for a document of only whitespace). */
    public JsonToken nextToken() {
        text = null;
        if (token == JsonToken.FIELD_NAME) { // its colon is read: a value follows
            return token = value(lexer.skipWhitespace());
        }
        int c = lexer.skipWhitespace();
        if (depth == 0) {
            if (token == null && !done && c >= 0) {
                return token = value(c);
            }
            if (c >= 0) {
                throw lexer.unexpected(c, "expected the end of the document");
            }
            done = true;
            return token = null;
        }
        boolean object = objects[depth];
        if (c == (object ? '}' : ']')) {
            lexer.startToken();
            lexer.skip(1);
            depth--;
            return token = object ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
        }
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            if (c != ',') {
                throw lexer.unexpected(c, object ? "expected ',' or '}'" : "expected ',' or ']'");
            }
            lexer.skip(1);
            c = lexer.skipWhitespace();
        }
        return token = object ? fieldName(c) : value(c);
    }

    private JsonToken fieldName(int c) {
        if (c != '"') {
            throw lexer.unexpected(c, "expected a field name in double quotes");
        }
        lexer.startToken();
        names[depth] = lexer.name();
        int colon = lexer.skipWhitespace();
        if (colon != ':') {
            throw lexer.unexpected(colon, "expected ':' after a field name");
        }
        lexer.skip(1);
        return JsonToken.FIELD_NAME;
    }

    private JsonToken value(int c) {
        lexer.startToken();
        return switch (c) {
            case '{' -> push(true);
            case '[' -> push(false);
            case '"' -> lexer.string();
            case 't' -> lexer.literal("true", JsonToken.VALUE_TRUE);
            case 'f' -> lexer.literal("false", JsonToken.VALUE_FALSE);
            case 'n' -> lexer.literal("null", JsonToken.VALUE_NULL);
            case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9' -> lexer.number(depth == 0);
            default -> throw c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' ? lexer.unrecognized()
                    : lexer.unexpected(c, "expected a value");
        };
    }

    private JsonToken push(boolean object) {
        if (depth == MAX_DEPTH) {
            throw lexer.error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        lexer.skip(1);
        depth++;
        if (depth == objects.length) {
            int size = Math.min(objects.length * 2, MAX_DEPTH + 1);
            objects = java.util.Arrays.copyOf(objects, size);
            names = java.util.Arrays.copyOf(names, size);
        }
        objects[depth] = object;
        names[depth] = null;
        return object ? JsonToken.START_OBJECT : JsonToken.START_ARRAY;
    }

    /** The token last returned by {@link #nextToken}. */
    public JsonToken currentToken() {
        return token;
    }

    /**
     * As Jackson: a field name's own name; for a value in an object (and an object or array that starts there or
     * has just ended there) the field's name; null in an array and at the top.
     */
    public String currentName() {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            return names[depth - 1];
        }
        return names[depth];
    }

    /** The current token's text: a string decoded, a number as written, a name, or the fixed text of the rest. */
    public String getText() {
        if (token == null) {
            return null;
        }
        if (text == null) {
            text = switch (token) {
                case FIELD_NAME -> names[depth];
                case VALUE_STRING -> lexer.stringText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> lexer.numberText();
                default -> token.fixedText();
            };
        }
        return text;
    }

    /** An integer as Integer, Long or BigInteger, the smallest that holds it; a decimal as Double. */
    public Number getNumberValue() {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return getDoubleValue();
        }
        Number n = integer();
        if (n instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        return n;
    }

    /** The number as an int; an integer out of range, or a decimal beyond int's range, is refused. */
    public int getIntValue() {
        long value = token == JsonToken.VALUE_NUMBER_FLOAT ? decimalWithin(Integer.MIN_VALUE, Integer.MAX_VALUE, "int")
                : integer() instanceof Long l ? l : Long.MAX_VALUE;
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw outOfRange("int", Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /** The number as a long; an integer out of range, or a decimal beyond long's range, is refused. */
    public long getLongValue() {
        if (token == JsonToken.VALUE_NUMBER_FLOAT) {
            return decimalWithin(Long.MIN_VALUE, Long.MAX_VALUE, "long");
        }
        if (integer() instanceof Long l) {
            return l;
        }
        throw outOfRange("long", Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** The number as a double: the nearest one to a decimal, an integer's value converted (so -0 gives 0.0). */
    public double getDoubleValue() {
        requireNumber();
        return token == JsonToken.VALUE_NUMBER_FLOAT ? Double.parseDouble(getText()) : integer().doubleValue();
    }

    public boolean getBooleanValue() {
        if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
            return token == JsonToken.VALUE_TRUE;
        }
        throw refuse("Current token (" + token + ") not of boolean type");
    }

    /** At an object's or array's start, moves to its end; at any other token, does nothing. */
    public void skipChildren() {
        if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
            return;
        }
        int level = depth - 1;
        while (true) {
            JsonToken t = nextToken();
            if ((t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) && depth == level) {
                return;
            }
        }
    }

    /** An error for a well-formed current value that its reader does not take; the problem should name the field. */
    public MalformedJsonException refuse(String problem) {
        return MalformedJsonException.value(problem, lexer.tokenStart());
    }

    private Number integer() {
        requireNumber(); // callers have dealt with decimals
        String digits = getText();
        if (digits.length() <= 18) {
            return Long.parseLong(digits);
        }
        BigInteger big = new BigInteger(digits);
        return big.bitLength() < 64 ? (Number) big.longValue() : big;
    }

    private long decimalWithin(long min, long max, String type) {
        double d = getDoubleValue();
        if (d < min || d > max) {
            throw outOfRange(type, min, max);
        }
        return (long) d;
    }

    private void requireNumber() {
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw refuse("Current token (" + token + ") not numeric, can not use numeric value accessors");
        }
    }

    private MalformedJsonException outOfRange(String type, long min, long max) {
        return refuse("Numeric value (" + shortText() + ") out of range of " + type + " (" + min + " - " + max + ")");
    }

    /** The number's text for a message, as Jackson shortens it from 1000 characters on. */
    private String shortText() {
        String number = getText();
        if (number.length() < 1000) {
            return number;
        }
        int length = number.length() - (number.startsWith("-") ? 1 : 0);
        return token == JsonToken.VALUE_NUMBER_INT ? "[Integer with " + length + " digits]"
                : "[number with " + length + " characters]";
    }
}
