package dev.strata.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/**
 * Go's {@code time.ParseDuration}, the syntax of HEALTHCHECK's intervals and of the registry's configuration:
 * {@code 30s}, {@code 1m30s}, {@code 1.5h}. Stateless.
 */
public final class GoDuration {
    private static final Map<String, Long> UNITS = Map.of("ns", 1L, "us", 1_000L, "\u00b5s", 1_000L, "\u03bcs", 1_000L,
            "ms", 1_000_000L, "s", 1_000_000_000L, "m", 60_000_000_000L, "h", 3_600_000_000_000L);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private GoDuration() {}

    /**
     * The duration; a malformed one is an {@link IllegalArgumentException} with Go's message, e.g.
     * {@code time: invalid duration "abc"}.
     */
    public static Duration parse(String original) {
        String s = original;
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+')) {
            negative = s.charAt(0) == '-';
            s = s.substring(1);
        }
        if (s.equals("0")) {
            return Duration.ZERO;
        }
        if (s.isEmpty()) {
            throw invalid(original);
        }
        BigDecimal total = BigDecimal.ZERO;
        while (!s.isEmpty()) {
            int i = 0;
            while (i < s.length() && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
                i++;
            }
            boolean whole = i > 0;
            int end = i;
            boolean fraction = false;
            if (i < s.length() && s.charAt(i) == '.') {
                int j = i + 1;
                while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                fraction = j > i + 1;
                end = j;
            }
            if (!whole && !fraction) {
                throw invalid(original);
            }
            String number = s.substring(0, end);
            s = s.substring(end);
            int u = 0;
            while (u < s.length() && s.charAt(u) != '.' && !(s.charAt(u) >= '0' && s.charAt(u) <= '9')) {
                u++;
            }
            if (u == 0) {
                throw new IllegalArgumentException("time: missing unit in duration " + GoQuote.quote(original));
            }
            String unit = s.substring(0, u);
            s = s.substring(u);
            Long nanos = UNITS.get(unit);
            if (nanos == null) {
                throw new IllegalArgumentException("time: unknown unit " + GoQuote.quote(unit) + " in duration "
                        + GoQuote.quote(original));
            }
            String digits = number.startsWith(".") ? "0" + number : number.endsWith(".") ? number + "0" : number;
            total = total.add(new BigDecimal(digits).multiply(BigDecimal.valueOf(nanos)));
            if (total.toBigInteger().compareTo(MAX) > 0) {
                throw invalid(original);
            }
        }
        long ns = total.toBigInteger().longValueExact();
        return Duration.ofNanos(negative ? -ns : ns);
    }

    private static IllegalArgumentException invalid(String original) {
        return new IllegalArgumentException("time: invalid duration " + GoQuote.quote(original));
    }
}
