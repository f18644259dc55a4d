package dev.strata.core.oci;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Value writers for the hand-written codecs (see {@link StreamingJson}), with the rules the data-binding codec
 * followed: maps are written sorted by key (at every depth), {@code null}s inside lists and maps are written,
 * and the {@code nonEmpty} writers leave out a field that is null or empty. Thread-safe: stateless.
 */
public final class JsonWriting {
    private JsonWriting() {}

    /** A string field, {@code null} included. */
    public static void string(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        g.writeString(value);
    }

    /** A string field, left out when null or empty. */
    public static void nonEmpty(JsonGenerator g, String name, String value) throws IOException {
        if (value != null && !value.isEmpty()) {
            g.writeStringField(name, value);
        }
    }

    public static void digest(JsonGenerator g, String name, Digest value) throws IOException {
        string(g, name, value == null ? null : value.toString());
    }

    /** A list field written element by element, {@code null} included. */
    public static <T> void list(JsonGenerator g, String name, List<T> values, StreamingJson.Writer<T> element)
            throws IOException {
        g.writeFieldName(name);
        if (values == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (T value : values) {
            if (value == null) {
                g.writeNull();
            } else {
                element.write(g, value);
            }
        }
        g.writeEndArray();
    }

    /** A list field, left out when null or empty. */
    public static <T> void nonEmpty(JsonGenerator g, String name, List<T> values, StreamingJson.Writer<T> element)
            throws IOException {
        if (values != null && !values.isEmpty()) {
            list(g, name, values, element);
        }
    }

    public static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        list(g, name, values, JsonGenerator::writeString);
    }

    public static void nonEmptyStrings(JsonGenerator g, String name, List<String> values) throws IOException {
        nonEmpty(g, name, values, JsonGenerator::writeString);
    }

    /** A map field of any values, sorted by key; {@code null} included. */
    public static void map(JsonGenerator g, String name, Map<String, ?> map) throws IOException {
        g.writeFieldName(name);
        any(g, map);
    }

    /** A map field, sorted by key, left out when null or empty. */
    public static void nonEmpty(JsonGenerator g, String name, Map<String, ?> map) throws IOException {
        if (map != null && !map.isEmpty()) {
            map(g, name, map);
        }
    }

    /**
     * A value of the kinds JSON decoding gives (maps, lists, strings, numbers, booleans, null); maps sorted. (An
     * if-chain, not a pattern switch: a type switch's bootstrap costs milliseconds in a cold JVM.)
     */
    public static void any(JsonGenerator g, Object value) throws IOException {
        if (value == null) {
            g.writeNull();
        } else if (value instanceof String s) {
            g.writeString(s);
        } else if (value instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : new TreeMap<>(m).entrySet()) {
                g.writeFieldName((String) e.getKey());
                any(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) {
                any(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            g.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double d) {
            g.writeNumber(d);
        } else if (value instanceof Float f) {
            g.writeNumber(f);
        } else if (value instanceof BigInteger b) {
            g.writeNumber(b);
        } else if (value instanceof BigDecimal b) {
            g.writeNumber(b);
        } else if (value instanceof Digest d) {
            g.writeString(d.toString());
        } else {
            throw new IllegalArgumentException("cannot encode a " + value.getClass().getName() + " as JSON");
        }
    }
}
