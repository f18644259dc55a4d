package dev.strata.cli.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * How Java data looks to Go templates: each value's Go kind, truth, type name and map-key order.
 *
 * <p>String is a Go string; Boolean a bool; Byte, Short, Integer, Long and BigInteger are ints;
 * Float, Double and BigDecimal are floats; Map is a map (keys are field names); List and other
 * Collections are slices; records are structs; {@code null} is a nil pointer; {@link GoNil}
 * values are nil slices and maps; anything else is an opaque value printed by its toString.
 */
final class GoValues {

    /** The Go kinds that matter to templates. */
    enum Kind { INVALID, NIL, BOOL, INT, FLOAT, STRING, MAP, SLICE, STRUCT, FUNC, OTHER }

    private GoValues() {
    }

    // instanceof, not a pattern switch: this runs for every value printed, and a pattern switch generates a class at
    // its first use that the ahead-of-time cache cannot keep (see Executor.walk)
    static Kind kind(Object v) {
        if (v == null) {
            return Kind.NIL;
        } else if (v instanceof CharSequence || v instanceof Character) {
            return Kind.STRING;
        } else if (v instanceof Missing) {
            return Kind.INVALID;
        } else if (v instanceof Boolean) {
            return Kind.BOOL;
        } else if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long
                || v instanceof BigInteger) {
            return Kind.INT;
        } else if (v instanceof Float || v instanceof Double || v instanceof BigDecimal) {
            return Kind.FLOAT;
        } else if (v instanceof Map<?, ?>) {
            return Kind.MAP;
        } else if (v instanceof GoNil n) {
            return n == GoNil.MAP ? Kind.MAP : Kind.SLICE;
        } else if (v instanceof Collection<?> || v instanceof Object[]) {
            return Kind.SLICE;
        } else if (v instanceof Record) {
            return Kind.STRUCT;
        } else if (v instanceof TemplateMethod) {
            return Kind.FUNC;
        }
        return Kind.OTHER;
    }

    /** Go's isTrue: the zero value of a type, nil and empty collections are false. */
    static boolean isTrue(Object v) {
        return switch (kind(v)) {
            case INVALID, NIL -> false;
            case BOOL -> (Boolean) v;
            case INT -> toBigInteger(v).signum() != 0;
            case FLOAT -> ((Number) v).doubleValue() != 0;
            case STRING -> !v.toString().isEmpty();
            case MAP -> v instanceof Map<?, ?> m && !m.isEmpty();
            case SLICE -> !elements(v).isEmpty();
            case STRUCT, FUNC, OTHER -> true;
        };
    }

    /** The Go type name used in error messages and {@code %T}. */
    static String typeName(Object v) {
        return switch (kind(v)) {
            case INVALID, NIL -> "<nil>";
            case BOOL -> "bool";
            case INT -> "int";
            case FLOAT -> v instanceof Float ? "float32" : "float64";
            case STRING -> "string";
            case MAP -> "map[string]interface {}";
            case SLICE -> "[]interface {}";
            case STRUCT -> v.getClass().getSimpleName();
            case FUNC -> "func(...interface {}) interface {}";
            case OTHER -> v instanceof TemporalAccessor ? "time.Time" : v.getClass().getSimpleName();
        };
    }

    /** The elements of a slice value. */
    static List<?> elements(Object v) {
        return switch (v) {
            case List<?> l -> l;
            case Collection<?> c -> new ArrayList<>(c);
            case Object[] a -> java.util.Arrays.asList(a);
            default -> List.of();
        };
    }

    /** The entries of a map value in Go's printing and range order: keys sorted. */
    static List<Map.Entry<?, ?>> sortedEntries(Object v) {
        if (!(v instanceof Map<?, ?> m)) {
            return List.of();
        }
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        entries.sort(Comparator.comparing(Map.Entry::getKey, GoValues::compareKeys));
        return entries;
    }

    /** Orders map keys like Go's internal/fmtsort: numbers by value, strings by bytes. */
    static int compareKeys(Object a, Object b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka != kb) {
            return Integer.compare(ka.ordinal(), kb.ordinal());
        }
        return switch (ka) {
            case INT -> toBigInteger(a).compareTo(toBigInteger(b));
            case FLOAT -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue());
            case BOOL -> Boolean.compare((Boolean) a, (Boolean) b);
            case STRING -> compareStrings(a.toString(), b.toString());
            default -> 0;
        };
    }

    /** Compares strings by code point, which is the byte order of their UTF-8 encoding. */
    static int compareStrings(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    static BigInteger toBigInteger(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(((Number) v).longValue());
    }

    /** An integer value as a long, or an exception when it does not fit. */
    static long toLong(Object v) {
        return v instanceof BigInteger b ? b.longValueExact() : ((Number) v).longValue();
    }
}
