package dev.strata.core.runtime;

import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.JsonPullParser;
import dev.strata.core.oci.MalformedJsonException;
import dev.strata.core.oci.StreamingJson;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The small JSON documents of the runtime's helpers (runc's state and process list, conmon's sync pipe,
 * slirp4netns's API replies) read with {@link JsonPullParser} into plain values (maps, lists, strings, numbers,
 * booleans, as {@link StreamingJson#any} gives them), with the lenient conversions of data binding's tree
 * ({@code JsonNode.path}, {@code asText}, {@code asInt}, {@code asBoolean}) that these readers used before: so they
 * behave as they did without data binding's start-up cost. A field that is absent is {@link #MISSING}, told apart
 * from a JSON {@code null} (which is Java {@code null}) as the tree told them apart. Thread-safe: stateless.
 */
public final class JsonValues {
    /** What {@link #path} gives for an absent field, and {@link #read} for a document without content. */
    public static final Object MISSING = Missing.VALUE;

    private JsonValues() {}

    private enum Missing { VALUE }

    /**
     * The document's first value, of any kind; {@link #MISSING} if it has none (empty or blank). Content after the
     * first value is ignored.
     *
     * @throws InvalidContentException "malformed WHAT: reason" for bad syntax
     */
    public static Object read(byte[] raw, String what) {
        try {
            JsonPullParser p = new JsonPullParser(raw);
            return p.nextToken() == null ? MISSING : StreamingJson.any(p);
        } catch (MalformedJsonException e) {
            throw new InvalidContentException("malformed " + what + ": " + firstLine(e.getMessage()), e);
        }
    }

    /** Whether {@code node} is an object with the field (null or not). */
    public static boolean has(Object node, String field) {
        return node instanceof Map<?, ?> map && map.containsKey(field);
    }

    /** An object's field; {@link #MISSING} if absent or {@code node} is no object. */
    public static Object path(Object node, String field) {
        return has(node, field) ? ((Map<?, ?>) node).get(field) : MISSING;
    }

    /** An array's elements or an object's values; nothing for other values. */
    public static List<Object> elements(Object node) {
        if (node instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (node instanceof Map<?, ?> map) {
            return new ArrayList<>(map.values());
        }
        return List.of();
    }

    /** A scalar's text; {@code "null"} for null, {@code ""} for missing, objects and arrays. */
    public static String text(Object value) {
        if (value == null) {
            return "null";
        }
        return value == MISSING ? "" : text(value, "");
    }

    /** A scalar's text; {@code otherwise} for null and missing, {@code ""} for objects and arrays. */
    public static String text(Object value, String otherwise) {
        if (value == null || value == MISSING) {
            return otherwise;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Number) {
            return value.toString(); // Double's text is the tree's too: 1e3 reads as 1000.0
        }
        return "";
    }

    /** Whether {@link #intValue} gives the value itself (an integer, or a decimal cut): a number within int range. */
    public static boolean canConvertToInt(Object value) {
        if (value instanceof Integer) {
            return true;
        }
        if (value instanceof Long l) {
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
        }
        if (value instanceof BigInteger b) {
            return b.bitLength() < 32;
        }
        return value instanceof Double d && d >= Integer.MIN_VALUE && d <= Integer.MAX_VALUE;
    }

    /**
     * A value as an int: numbers cut to int (as a cast), booleans 1 or 0, a string parsed (trimmed; a decimal
     * cut; 0 if it is none), anything else 0.
     */
    public static int intValue(Object value) {
        if (value instanceof Number n) {
            return value instanceof Double d ? (int) d.doubleValue() : n.intValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return value instanceof String s ? parseInt(s) : 0;
    }

    private static int parseInt(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            return 0;
        }
        if (s.charAt(0) == '+') {
            s = s.substring(1);
        }
        for (int i = s.startsWith("-") ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                try {
                    return (int) Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return 0; // out of range, or no digits at all
        }
    }

    /**
     * A value as a boolean: a boolean itself, an integer other than 0, the strings {@code true} and {@code false}
     * (trimmed); {@code otherwise} for anything else.
     */
    public static boolean bool(Object value, boolean otherwise) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue() != 0;
        }
        if (value instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (value instanceof String s) {
            return switch (s.trim()) {
                case "true" -> true;
                case "false" -> false;
                default -> otherwise;
            };
        }
        return otherwise;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
