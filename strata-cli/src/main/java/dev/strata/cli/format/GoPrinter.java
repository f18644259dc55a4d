package dev.strata.cli.format;

import dev.strata.cli.format.GoValues.Kind;
import dev.strata.core.GoQuote;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;

/**
 * Go's fmt printer state: an output buffer and the flags of the verb being printed, with the
 * formatting rules of fmt for each kind of value. One instance formats one Sprint/Sprintf call.
 */
final class GoPrinter {

    final StringBuilder buf = new StringBuilder();
    boolean plus;
    boolean minus;
    boolean sharp;
    boolean space;
    boolean zero;
    boolean plusV;
    boolean sharpV;
    boolean widPresent;
    boolean precPresent;
    int wid;
    int prec;

    void clearFlags() {
        plus = minus = sharp = space = zero = plusV = sharpV = widPresent = precPresent = false;
        wid = prec = 0;
    }

    /** Prints one operand with a verb, as fmt's printArg. */
    void printArg(Object arg, int verb) {
        if (arg == null || arg == Missing.VALUE) {
            if (verb == 'T' || verb == 'v') {
                padString("<nil>");
            } else {
                badVerb(verb, null);
            }
            return;
        }
        if (verb == 'T') {
            fmtS(GoValues.typeName(arg));
            return;
        }
        printValue(arg, verb, 0);
    }

    private void printValue(Object v, int verb, int depth) {
        switch (GoValues.kind(v)) {
            case INVALID, NIL -> padString("<nil>");
            case BOOL -> fmtBool((Boolean) v, verb);
            case INT -> fmtInteger(GoValues.toBigInteger(v), verb, v);
            case FLOAT -> fmtFloat(((Number) v).doubleValue(), v instanceof Float ? 32 : 64, verb, v);
            case STRING -> fmtString(v.toString(), verb, v);
            case MAP -> printMap(v, verb, depth);
            case SLICE -> printSlice(v, verb, depth);
            case STRUCT -> printRecord((Record) v, verb, depth);
            case FUNC -> padString("0x0");
            case OTHER -> {
                if (verb == 'v' || verb == 's' || verb == 'x' || verb == 'X' || verb == 'q') {
                    fmtString(stringOf(v), verb, v);
                } else {
                    badVerb(verb, v);
                }
            }
        }
    }

    /** The text of an opaque value: Go's Time.String for times, toString otherwise. */
    static String stringOf(Object v) {
        return v instanceof TemporalAccessor t ? GoTime.timeString(t) : v.toString();
    }

    private void printMap(Object v, int verb, int depth) {
        buf.append("map[");
        List<Map.Entry<?, ?>> entries = GoValues.sortedEntries(v);
        for (int i = 0; i < entries.size(); i++) {
            if (i > 0) {
                buf.append(' ');
            }
            printValue(entries.get(i).getKey(), verb, depth + 1);
            buf.append(':');
            printValue(entries.get(i).getValue(), verb, depth + 1);
        }
        buf.append(']');
    }

    private void printSlice(Object v, int verb, int depth) {
        buf.append('[');
        List<?> elements = GoValues.elements(v);
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                buf.append(' ');
            }
            printValue(elements.get(i), verb, depth + 1);
        }
        buf.append(']');
    }

    private void printRecord(Record r, int verb, int depth) {
        buf.append('{');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (i > 0) {
                buf.append(' ');
            }
            if (plusV || sharpV) {
                buf.append(components[i].getName()).append(':');
            }
            printValue(Records.component(r, components[i]), verb, depth + 1);
        }
        buf.append('}');
    }

    private void badVerb(int verb, Object arg) {
        buf.append("%!").appendCodePoint(verb).append('(');
        if (arg == null) {
            buf.append("<nil>");
        } else {
            buf.append(GoValues.typeName(arg)).append('=');
            printArg(arg, 'v');
        }
        buf.append(')');
    }

    private void fmtBool(boolean v, int verb) {
        if (verb == 't' || verb == 'v') {
            padString(Boolean.toString(v));
        } else {
            badVerb(verb, v);
        }
    }

    private void fmtInteger(BigInteger v, int verb, Object arg) {
        switch (verb) {
            case 'v', 'd' -> fmtInteger(v, 10, verb, false);
            case 'b' -> fmtInteger(v, 2, verb, false);
            case 'o', 'O' -> fmtInteger(v, 8, verb, false);
            case 'x' -> fmtInteger(v, 16, verb, false);
            case 'X' -> fmtInteger(v, 16, verb, true);
            case 'c' -> pad(new String(Character.toChars(rune(v))));
            case 'q' -> pad(GoQuote.quoteRune(rune(v), plus));
            case 'U' -> fmtUnicode(v);
            default -> badVerb(verb, arg);
        }
    }

    private static int rune(BigInteger v) {
        long r = v.bitLength() < 32 ? v.longValue() : -1;
        return r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF) ? 0xFFFD : (int) r;
    }

    private void fmtInteger(BigInteger value, int base, int verb, boolean upper) {
        boolean negative = value.signum() < 0;
        String digits = value.abs().toString(base);
        if (upper) {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        int precision = 0;
        if (precPresent) {
            precision = prec;
            if (precision == 0 && value.signum() == 0) {
                writePadding(wid, ' ');
                return;
            }
        } else if (zero && !minus && widPresent) {
            precision = wid;
            if (negative || plus || space) {
                precision--;
            }
        }
        StringBuilder b = new StringBuilder();
        b.append("0".repeat(Math.max(0, precision - digits.length()))).append(digits);
        if (sharp) {
            switch (base) {
                case 2 -> b.insert(0, "0b");
                case 8 -> {
                    if (b.charAt(0) != '0') {
                        b.insert(0, '0');
                    }
                }
                case 16 -> b.insert(0, upper ? "0X" : "0x");
                default -> { }
            }
        }
        if (verb == 'O') {
            b.insert(0, "0o");
        }
        if (negative) {
            b.insert(0, '-');
        } else if (plus) {
            b.insert(0, '+');
        } else if (space) {
            b.insert(0, ' ');
        }
        boolean oldZero = zero;
        zero = false;
        pad(b.toString());
        zero = oldZero;
    }

    private void fmtUnicode(BigInteger v) {
        String hex = v.toString(16).toUpperCase(java.util.Locale.ROOT);
        int digits = precPresent && prec > 4 ? prec : 4;
        StringBuilder b = new StringBuilder("U+");
        b.append("0".repeat(Math.max(0, digits - hex.length()))).append(hex);
        int r = rune(v);
        if (sharp && v.bitLength() < 32 && GoQuote.isPrint(r)) {
            b.append(" '").appendCodePoint(r).append('\'');
        }
        boolean oldZero = zero;
        zero = false;
        pad(b.toString());
        zero = oldZero;
    }

    private void fmtFloat(double v, int size, int verb, Object arg) {
        switch (verb) {
            case 'v' -> fmtFloat(v, size, 'g', -1);
            case 'g', 'G' -> fmtFloat(v, size, (char) verb, -1);
            case 'f', 'F' -> fmtFloat(v, size, 'f', 6);
            case 'e', 'E' -> fmtFloat(v, size, (char) verb, 6);
            default -> badVerb(verb, arg);
        }
    }

    private void fmtFloat(double v, int size, char verb, int defaultPrec) {
        String num = GoFloat.format(v, verb, precPresent ? prec : defaultPrec, size);
        char sign = num.startsWith("-") ? '-' : '+';
        String unsigned = num.startsWith("-") || num.startsWith("+") ? num.substring(1) : num;
        if (space && sign == '+' && !plus) {
            sign = ' ';
        }
        if (unsigned.equals("Inf") || unsigned.equals("NaN")) {
            boolean oldZero = zero;
            zero = false;
            boolean showSign = !unsigned.equals("NaN") || space || plus;
            pad(showSign ? sign + unsigned : unsigned);
            zero = oldZero;
            return;
        }
        if (plus || sign != '+') {
            if (zero && !minus && widPresent && wid > unsigned.length() + 1) {
                buf.append(sign);
                writePadding(wid - unsigned.length() - 1, '0');
                buf.append(unsigned);
                return;
            }
            pad(sign + unsigned);
            return;
        }
        pad(unsigned);
    }

    private void fmtString(String s, int verb, Object arg) {
        switch (verb) {
            case 'v' -> {
                if (sharpV) {
                    fmtQ(s);
                } else {
                    fmtS(s);
                }
            }
            case 's' -> fmtS(s);
            case 'x' -> fmtSx(s, false);
            case 'X' -> fmtSx(s, true);
            case 'q' -> fmtQ(s);
            default -> badVerb(verb, arg);
        }
    }

    private void fmtS(String s) {
        padString(truncate(s));
    }

    private String truncate(String s) {
        if (precPresent && s.codePointCount(0, s.length()) > prec) {
            return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
    }

    private void fmtQ(String s) {
        s = truncate(s);
        if (sharp && GoQuote.canBackquote(s)) {
            padString("`" + s + "`");
        } else {
            pad(plus ? GoQuote.quoteAscii(s) : GoQuote.quote(s));
        }
    }

    private void fmtSx(String s, boolean upper) {
        String hexDigits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        int length = precPresent && prec < bytes.length ? prec : bytes.length;
        int width = 2 * length;
        if (width == 0) {
            if (widPresent) {
                writePadding(wid, zero && !minus ? '0' : ' ');
            }
            return;
        }
        if (space) {
            width = (sharp ? width * 2 : width) + length - 1;
        } else if (sharp) {
            width += 2;
        }
        if (widPresent && wid > width && !minus) {
            writePadding(wid - width, zero ? '0' : ' ');
        }
        String prefix = "0" + (upper ? 'X' : 'x');
        if (sharp) {
            buf.append(prefix);
        }
        for (int i = 0; i < length; i++) {
            if (space && i > 0) {
                buf.append(' ');
                if (sharp) {
                    buf.append(prefix);
                }
            }
            int c = bytes[i] & 0xFF;
            buf.append(hexDigits.charAt(c >> 4)).append(hexDigits.charAt(c & 0xF));
        }
        if (widPresent && wid > width && minus) {
            writePadding(wid - width, ' ');
        }
    }

    /** Pads s to the width in runes, on the left unless the minus flag is set. */
    void padString(String s) {
        pad(s);
    }

    private void pad(String s) {
        if (!widPresent || wid == 0) {
            buf.append(s);
            return;
        }
        int width = wid - s.codePointCount(0, s.length());
        if (minus) {
            buf.append(s);
            writePadding(width, ' ');
        } else {
            writePadding(width, zero ? '0' : ' ');
            buf.append(s);
        }
    }

    private void writePadding(int n, char c) {
        for (int i = 0; i < n; i++) {
            buf.append(c);
        }
    }

    /** Whether Go's Sprint treats the value as a string operand (no spaces around it). */
    static boolean isStringOperand(Object v) {
        return GoValues.kind(v) == Kind.STRING;
    }
}
