package dev.strata.core.oci;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Entry points and value readers for the hand-written codecs of the hot-path documents (manifests, configs,
 * container records; {@link JsonWriting} has the writers): they read with our {@link JsonPullParser} and write
 * with Jackson's streaming generator, because data binding's reflection and annotation scanning cost more at
 * start-up than a whole short command, and Jackson's parser initialises {@code BigDecimal} (see there).
 * The scalar readers accept what data binding accepted (numbers given as strings, {@code ""} or {@code "null"}
 * for a missing number, an integer for a boolean), so documents that read before still read the same.
 * Thread-safe: stateless but for the shared, immutable generator factory.
 */
public final class StreamingJson {
    private StreamingJson() {}

    /** The generator factory, made on the first write: a command that only reads (images) loads no Jackson. */
    private static final class Generators {
        static final JsonFactory FACTORY = new JsonFactory();
    }

    /** Reads a value with the parser on its first token. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonPullParser p);
    }

    /** Writes a value. */
    @FunctionalInterface
    public interface Writer<T> {
        void write(JsonGenerator g, T value) throws IOException;
    }

    /**
     * Parses a document that must be an object; anything wrong (syntax, types, a value its record refuses) is
     * an {@link InvalidContentException} "malformed WHAT: reason". Content after the object is ignored, as data
     * binding ignored it.
     */
    public static <T> T parse(byte[] raw, String what, Reader<T> object) {
        try {
            JsonPullParser p = new JsonPullParser(raw);
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw p.refuse(first == null ? "no content" : "expected an object, found " + describe(first));
            }
            return object.read(p);
        } catch (RuntimeException e) {
            throw new InvalidContentException("malformed " + what + ": " + reason(e), e);
        }
    }

    /** Compact UTF-8 JSON, escaped as data binding escaped it (the same generator). */
    public static <T> byte[] write(T value, Writer<T> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = Generators.FACTORY.createGenerator(out)) {
            writer.write(g, value);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
        return out.toByteArray();
    }

    private static String reason(Exception e) {
        String message = e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** True at an object's start, false at {@code null}; anything else is refused. */
    public static boolean startObject(JsonPullParser p) {
        return start(p, JsonToken.START_OBJECT, "an object");
    }

    private static boolean start(JsonPullParser p, JsonToken wanted, String word) {
        JsonToken t = p.currentToken();
        if (t == wanted) {
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw mismatch(p, word);
    }

    /** Refuses the current value: it is not what the field holds. */
    public static MalformedJsonException mismatch(JsonPullParser p, String expected) {
        String field = p.currentName();
        return p.refuse((field == null ? "" : "\"" + field + "\": ") + "expected " + expected
                + ", found " + describe(p.currentToken()));
    }

    private static String describe(JsonToken t) {
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }

    /** A string; a number or boolean stands for its text. */
    public static String string(JsonPullParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isScalarValue()) {
            return p.getText();
        }
        throw mismatch(p, "a string");
    }

    public static Digest digest(JsonPullParser p) {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw mismatch(p, "a digest string");
        }
        return Digest.parse(p.getText());
    }

    /** An int, 0 for {@code null}. */
    public static int intValue(JsonPullParser p) {
        Long value = integral(p, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
        return value == null ? 0 : value.intValue();
    }

    /** An Integer, or null for {@code null}, {@code ""} and {@code "null"}. */
    public static Integer integer(JsonPullParser p) {
        Long value = integral(p, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
        return value == null ? null : value.intValue();
    }

    /** A long, 0 for {@code null}. */
    public static long longValue(JsonPullParser p) {
        Long value = integral(p, Long.MIN_VALUE, Long.MAX_VALUE, "a long");
        return value == null ? 0 : value;
    }

    /** Integers as they come; decimals cut towards zero; integer strings (trimmed) parsed; out of range refused. */
    private static Long integral(JsonPullParser p, long min, long max, String word) {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> max == Long.MAX_VALUE ? p.getLongValue() : (long) p.getIntValue();
            case VALUE_NUMBER_FLOAT -> {
                double d = p.getDoubleValue();
                if (d < min || d > max) {
                    throw p.refuse("Numeric value (" + p.getText() + ") out of range of " + word);
                }
                yield (long) d;
            }
            case VALUE_STRING -> {
                String text = p.getText().trim();
                if (text.isEmpty() || text.equals("null")) {
                    yield null;
                }
                try {
                    long v = Long.parseLong(text);
                    if (v >= min && v <= max) {
                        yield v;
                    }
                } catch (NumberFormatException e) {
                    // refused below
                }
                throw p.refuse("\"" + text + "\" is not " + word);
            }
            default -> throw mismatch(p, word);
        };
    }

    /** A boolean, false for {@code null}. */
    public static boolean bool(JsonPullParser p) {
        return Boolean.TRUE.equals(booleanValue(p));
    }

    /** A Boolean: {@code true}/{@code false} (also as strings, in three casings), an integer (0 or not), or null. */
    public static Boolean booleanValue(JsonPullParser p) {
        return switch (p.currentToken()) {
            case VALUE_TRUE -> true;
            case VALUE_FALSE -> false;
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT -> !p.getText().equals("0");
            case VALUE_STRING -> switch (p.getText().trim()) {
                case "true", "True", "TRUE" -> true;
                case "false", "False", "FALSE" -> false;
                case "", "null" -> null;
                default -> throw p.refuse("\"" + p.getText().trim() + "\" is not a boolean");
            };
            default -> throw mismatch(p, "a boolean");
        };
    }

    /** An enum constant by name, or by index (an integer or a string of one). */
    public static <E extends Enum<E>> E enumValue(JsonPullParser p, Class<E> type) {
        E[] values = type.getEnumConstants();
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        String text = t == JsonToken.VALUE_STRING || t == JsonToken.VALUE_NUMBER_INT ? p.getText().trim() : null;
        if (text == null || text.isEmpty()) {
            throw mismatch(p, "one of " + List.of(values));
        }
        for (E value : values) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        if (text.matches("0|[1-9][0-9]{0,8}") && Integer.parseInt(text) < values.length) {
            return values[Integer.parseInt(text)];
        }
        throw p.refuse("\"" + text + "\" is not one of " + List.of(values));
    }

    /**
     * A list (mutable, as data binding gave); {@code null} for {@code null}. With {@code nullable} false a null
     * element is refused (for lists a record copies, which cannot hold one).
     */
    public static <T> List<T> list(JsonPullParser p, Reader<T> element, boolean nullable) {
        if (!start(p, JsonToken.START_ARRAY, "an array")) {
            return null;
        }
        String field = p.currentName();
        List<T> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            T value = element.read(p);
            if (value == null && !nullable) {
                throw p.refuse("\"" + field + "\" has a null entry");
            }
            list.add(value);
        }
        return list;
    }

    public static List<String> strings(JsonPullParser p, boolean nullable) {
        return list(p, StreamingJson::string, nullable);
    }

    /** An object as a map in document order (a repeated key keeps its first place and last value). */
    public static <T> Map<String, T> map(JsonPullParser p, Reader<T> value, boolean nullable) {
        if (!startObject(p)) {
            return null;
        }
        String field = p.currentName();
        Map<String, T> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            T v = value.read(p);
            if (v == null && !nullable) {
                throw p.refuse("\"" + field + "\" has a null value for \"" + key + "\"");
            }
            map.put(key, v);
        }
        return map;
    }

    public static Map<String, String> stringMap(JsonPullParser p, boolean nullable) {
        return map(p, StreamingJson::string, nullable);
    }

    /** An object of any JSON, as data binding's "untyped" maps: LinkedHashMap, ArrayList, String, Boolean, numbers. */
    public static Map<String, Object> objectMap(JsonPullParser p) {
        return map(p, StreamingJson::any, true);
    }

    /** Any JSON value: integers as the smallest of Integer, Long, BigInteger; decimals as Double. */
    public static Object any(JsonPullParser p) {
        return switch (p.currentToken()) {
            case START_OBJECT -> objectMap(p);
            case START_ARRAY -> list(p, StreamingJson::any, true);
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw mismatch(p, "a value");
        };
    }
}
