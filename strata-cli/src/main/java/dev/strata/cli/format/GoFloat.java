package dev.strata.cli.format;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Go's strconv.FormatFloat for the formats e, E, f, g and G, with shortest (-1) or fixed precision.
 *
 * <p>Digits come from the exact binary value rounded half-to-even, as Go does; the shortest form
 * uses Java's shortest round-tripping decimal, which is the same digit string Go picks.
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

    /** strconv.FormatFloat(v, fmt, prec, bitSize). */
    static String format(double v, char fmt, int prec, int bitSize) {
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
            digits = toDigits(new BigDecimal(abs).setScale(prec, RoundingMode.HALF_EVEN));
        } else {
            int significant = (fmt == 'e' || fmt == 'E') ? prec + 1 : Math.max(prec, 1);
            if (fmt == 'g' || fmt == 'G') {
                prec = significant;
            }
            digits = toDigits(new BigDecimal(abs).round(
                    new MathContext(significant, RoundingMode.HALF_EVEN)));
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

    private static Digits toDigits(BigDecimal value) {
        if (value.signum() == 0) {
            return new Digits("", 0);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        String d = stripped.unscaledValue().toString();
        return new Digits(d, d.length() - stripped.scale());
    }
}
