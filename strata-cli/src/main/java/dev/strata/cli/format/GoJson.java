package dev.strata.cli.format;

import java.lang.reflect.RecordComponent;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * Go's encoding/json output for template values: compact, map keys sorted, {@code null} for nil,
 * floats as Go formats them, and optionally HTML characters escaped.
 *
 * <p>Docker's {@code json} template function encodes with {@code SetEscapeHTML(false)}, so
 * {@code <} stays {@code <}; its table row objects marshal themselves with {@code json.Marshal},
 * which escapes {@code <}, {@code >} and {@code &} as {@code \u003c}, {@code \u003e}, {@code \u0026}.
 */
final class GoJson {

    private static final String HEX = "0123456789abcdef";

    private final StringBuilder out = new StringBuilder();
    private final boolean escapeHtml;

    private GoJson(boolean escapeHtml) {
        this.escapeHtml = escapeHtml;
    }

    /** Encodes a value; throws IllegalArgumentException for values JSON cannot hold. */
    static String encode(Object value, boolean escapeHtml) {
        GoJson json = new GoJson(escapeHtml);
        json.write(value);
        return json.out.toString();
    }

    private void write(Object v) {
        if (v instanceof JsonMarshaler m) {
            out.append(m.toJson());
            return;
        }
        switch (GoValues.kind(v)) {
            case INVALID, NIL -> out.append("null");
            case BOOL -> out.append(v);
            case INT -> out.append(GoValues.toBigInteger(v));
            case FLOAT -> writeFloat(((Number) v).doubleValue(), v instanceof Float ? 32 : 64);
            case STRING -> writeString(v.toString());
            case MAP -> writeMap(v);
            case SLICE -> writeSlice(v);
            case STRUCT -> writeRecord((Record) v);
            case FUNC -> throw new IllegalArgumentException("json: unsupported type: func");
            case OTHER -> writeOther(v);
        }
    }

    private void writeOther(Object v) {
        if (v instanceof TemporalAccessor t) {
            writeString(GoTime.rfc3339Nano(t));
        } else {
            writeString(v.toString());
        }
    }

    private void writeFloat(double f, int bits) {
        if (Double.isNaN(f) || Double.isInfinite(f)) {
            throw new IllegalArgumentException("json: unsupported value: " + GoFloat.format(f, 'g', -1, bits));
        }
        double abs = Math.abs(f);
        char fmt = 'f';
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            fmt = 'e';
        }
        String s = GoFloat.format(f, fmt, -1, bits);
        if (fmt == 'e') {
            // Go writes 1e-07 as 1e-7.
            int n = s.length();
            if (n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-' && s.charAt(n - 2) == '0') {
                s = s.substring(0, n - 2) + s.charAt(n - 1);
            }
        }
        out.append(s);
    }

    private void writeMap(Object v) {
        if (!(v instanceof Map<?, ?>)) {
            out.append("null");
            return;
        }
        List<Map.Entry<?, ?>> entries = new java.util.ArrayList<>(((Map<?, ?>) v).entrySet());
        entries.sort((a, b) -> GoValues.compareStrings(key(a.getKey()), key(b.getKey())));
        out.append('{');
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(key(entries.get(i).getKey()));
            out.append(':');
            write(entries.get(i).getValue());
        }
        out.append('}');
    }

    private static String key(Object k) {
        return switch (GoValues.kind(k)) {
            case STRING, INT -> k.toString();
            default -> throw new IllegalArgumentException(
                    "json: unsupported type: map[" + GoValues.typeName(k) + "]interface {}");
        };
    }

    private void writeSlice(Object v) {
        if (v == GoNil.SLICE) {
            out.append("null");
            return;
        }
        List<?> elements = GoValues.elements(v);
        out.append('[');
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(elements.get(i));
        }
        out.append(']');
    }

    private void writeRecord(Record r) {
        out.append('{');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            writeString(components[i].getName());
            out.append(':');
            write(Records.component(r, components[i]));
        }
        out.append('}');
    }

    private void writeString(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c < 0x80) {
                writeAscii(c);
            } else if (c == 0x2028 || c == 0x2029) {
                out.append("\\u202").append(HEX.charAt(c & 0xF));
            } else if (c >= 0xD800 && c <= 0xDFFF) {
                out.append("\\ufffd");
            } else {
                out.appendCodePoint(c);
            }
        }
        out.append('"');
    }

    private void writeAscii(int c) {
        switch (c) {
            case '"', '\\' -> out.append('\\').append((char) c);
            case '\b' -> out.append("\\b");
            case '\f' -> out.append("\\f");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                boolean html = c == '<' || c == '>' || c == '&';
                if (c < 0x20 || (html && escapeHtml)) {
                    out.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
                } else {
                    out.append((char) c);
                }
            }
        }
    }
}
