package dev.strata.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's strconv.FormatFloat for the formats e, E, f, g and G, with shortest (-1) or fixed precision.
 *
 * <p>Digits come from the exact binary value rounded half-to-even, as Go does; the shortest form
 * uses Java's shortest round-tripping decimal, which is the same digit string Go picks. Up to 15 digits, the
 * shortest decimal rounded gives the same digits as the exact value rounded unless its dropped digits are exactly
 * a half (a decimal closer to the value would otherwise have been the shortest), so only that case and longer
 * precisions take {@code BigDecimal}: its class initialiser costs some 15 ms on Java 25, and {@code images}
 * formats a size on every line.
 */
final class GoFloat {

    private GoFloat() {
    }

    /** Decimal digits d1d2...dn meaning 0.d1d2...dn × 10^dp, without trailing zeros. */
    private record Digits(String d, int dp) {
        int nd() {
            return d.length();
        }
    }

    /** The most digits the rounded shortest decimal is trusted for (a double carries 15.95 decimal digits). */
    private static final int SHORTEST_ROUNDING_LIMIT = 15;

    /** strconv.FormatFloat(v, fmt, prec, bitSize). */
    static String format(double v, char fmt, int prec, int bitSize) {
        return format(v, fmt, prec, bitSize, true);
    }

    /** As {@link #format(double, char, int, int)}, always from the exact binary value: the reference in tests. */
    static String formatExactly(double v, char fmt, int prec, int bitSize) {
        return format(v, fmt, prec, bitSize, false);
    }

    private static String format(double v, char fmt, int prec, int bitSize, boolean fromShortest) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        boolean negative = v < 0 || (v == 0 && 1 / v < 0);
        double abs = Math.abs(v);
        boolean shortest = prec < 0;
        Digits digits;
        if (shortest) {
            digits = shortestDigits(abs, bitSize);
            prec = switch (fmt) {
                case 'e', 'E' -> Math.max(digits.nd() - 1, 0);
                case 'f' -> Math.max(digits.nd() - digits.dp(), 0);
                default -> digits.nd();
            };
        } else if (fmt == 'f') {
            Digits rough = fromShortest && abs != 0 ? parseShortest(Double.toString(abs)) : null;
            digits = rough == null ? null : roundShortest(rough, rough.dp() + prec);
            if (digits == null) {
                digits = toDigits(new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN));
            }
        } else {
            int significant = (fmt == 'e' || fmt == 'E') ? prec + 1 : Math.max(prec, 1);
            if (fmt == 'g' || fmt == 'G') {
                prec = significant;
            }
            digits = fromShortest && abs != 0 ? roundShortest(parseShortest(Double.toString(abs)), significant) : null;
            if (digits == null) {
                digits = toDigits(new BigDecimal(abs).round(new MathContext(significant, RoundingMode.HALF_EVEN)));
            }
        }
        String body = formatDigits(digits, shortest, fmt, prec);
        return negative ? "-" + body : body;
    }

    private static String formatDigits(Digits digs, boolean shortest, char fmt, int prec) {
        switch (fmt) {
            case 'e', 'E' -> {
                return fmtE(digs, prec, fmt);
            }
            case 'f' -> {
                return fmtF(digs, prec);
            }
            default -> {
                int eprec = prec;
                if (eprec > digs.nd() && digs.nd() >= digs.dp()) {
                    eprec = digs.nd();
                }
                if (shortest) {
                    eprec = 6;
                }
                int exp = digs.dp() - 1;
                if (exp < -4 || exp >= eprec) {
                    int p = Math.min(prec, digs.nd());
                    return fmtE(digs, p - 1, fmt == 'g' ? 'e' : 'E');
                }
                int p = prec > digs.dp() ? digs.nd() : prec;
                return fmtF(digs, Math.max(p - digs.dp(), 0));
            }
        }
    }

    private static String fmtE(Digits digs, int prec, char e) {
        StringBuilder b = new StringBuilder();
        b.append(digs.nd() == 0 ? '0' : digs.d().charAt(0));
        if (prec > 0) {
            b.append('.');
            int i = 1;
            int m = Math.min(digs.nd(), prec + 1);
            if (i < m) {
                b.append(digs.d(), i, m);
                i = m;
            }
            for (; i <= prec; i++) {
                b.append('0');
            }
        }
        b.append(e);
        int exp = digs.nd() == 0 ? 0 : digs.dp() - 1;
        b.append(exp < 0 ? '-' : '+');
        exp = Math.abs(exp);
        if (exp < 10) {
            b.append('0');
        }
        return b.append(exp).toString();
    }

    private static String fmtF(Digits digs, int prec) {
        StringBuilder b = new StringBuilder();
        if (digs.dp() > 0) {
            int m = Math.min(digs.nd(), digs.dp());
            b.append(digs.d(), 0, m);
            for (; m < digs.dp(); m++) {
                b.append('0');
            }
        } else {
            b.append('0');
        }
        if (prec > 0) {
            b.append('.');
            for (int i = 0; i < prec; i++) {
                int j = digs.dp() + i;
                b.append(j >= 0 && j < digs.nd() ? digs.d().charAt(j) : '0');
            }
        }
        return b.toString();
    }

    private static Digits shortestDigits(double abs, int bitSize) {
        if (abs == 0) {
            return new Digits("", 0);
        }
        String repr = bitSize == 32 ? Float.toString((float) abs) : Double.toString(abs);
        return toDigits(new BigDecimal(repr));
    }

    /**
     * The shortest decimal's digits rounded half-to-even to {@code keep} digits, or null when they cannot stand for
     * the exact value's: too many digits asked for, none, or dropped digits that are exactly a half.
     */
    private static Digits roundShortest(Digits shortest, int keep) {
        if (keep <= 0 || keep > SHORTEST_ROUNDING_LIMIT) {
            return null;
        }
        String d = shortest.d();
        if (d.length() <= keep) {
            return shortest;
        }
        char next = d.charAt(keep);
        if (next == '5' && d.length() == keep + 1) { // no trailing zeros: a lone 5 is exactly half
            return null;
        }
        char[] kept = d.substring(0, keep).toCharArray();
        if (next < '5') {
            return new Digits(withoutTrailingZeros(kept, keep), shortest.dp());
        }
        int i = keep - 1;
        while (i >= 0 && kept[i] == '9') {
            i--;
        }
        if (i < 0) {
            return new Digits("1", shortest.dp() + 1);
        }
        kept[i]++;
        return new Digits(new String(kept, 0, i + 1), shortest.dp());
    }

    private static String withoutTrailingZeros(char[] digits, int length) {
        while (length > 0 && digits[length - 1] == '0') {
            length--;
        }
        return new String(digits, 0, length);
    }

    /** The digits of {@link Double#toString}'s output ({@code 123.45}, {@code 1.0E-5}), without zeros at either end. */
    private static Digits parseShortest(String repr) {
        int e = repr.indexOf('E');
        String mantissa = e < 0 ? repr : repr.substring(0, e);
        int dot = mantissa.indexOf('.');
        char[] all = (mantissa.substring(0, dot) + mantissa.substring(dot + 1)).toCharArray();
        int dp = dot + (e < 0 ? 0 : Integer.parseInt(repr, e + 1, repr.length(), 10));
        int start = 0;
        while (start < all.length && all[start] == '0') {
            start++;
            dp--;
        }
        String digits = withoutTrailingZeros(all, all.length);
        return new Digits(digits.substring(Math.min(start, digits.length())), dp);
    }

    private static Digits toDigits(BigDecimal value) {
        if (value.signum() == 0) {
            return new Digits("", 0);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        String d = stripped.unscaledValue().toString();
        return new Digits(d, d.length() - stripped.scale());
    }
}
