package dev.strata.core.build;

import dev.strata.core.GoQuote;
import dev.strata.core.build.dockerfile.Healthcheck;
import java.time.Duration;
import java.util.List;

/**
 * Go's {@code fmt} renderings that Docker's builder writes into image history ({@code %v} and {@code %q} of string
 * slices, durations, a health check), so that {@code history} of a built image reads as Docker's.
 */
final class GoFormat {
    private GoFormat() {}

    /** {@code %v} of a {@code []string}: {@code [a b c]}. */
    static String list(List<String> items) {
        return "[" + String.join(" ", items) + "]";
    }

    /** {@code %q} of a {@code []string}: {@code ["a" "b c"]}. */
    static String quotedList(List<String> items) {
        return "[" + String.join(" ", items.stream().map(GoQuote::quote).toList()) + "]";
    }

    /**
     * {@code %q} of Docker's {@code *HealthConfig}: {@code &{["CMD-SHELL" "x"] "30s" "0s" "0s" '\x03'}}. The start
     * interval, a field Docker 25 added, is shown only when set, so that the text is the one Docker 20.10 writes
     * for every health check it can express.
     */
    static String healthcheck(Healthcheck h) {
        return "&{" + quotedList(h.test()) + " " + GoQuote.quote(duration(h.interval())) + " "
                + GoQuote.quote(duration(h.timeout())) + " " + GoQuote.quote(duration(h.startPeriod())) + " "
                + (h.startInterval().isZero() ? "" : GoQuote.quote(duration(h.startInterval())) + " ")
                + GoQuote.quoteRune(h.retries(), false) + "}";
    }

    /** Go's {@code time.Duration.String}: {@code 0s}, {@code 1.5s}, {@code 5m0s}, {@code 1h0m0s}, {@code 300ms}. */
    static String duration(Duration d) {
        long nanos = d.toNanos();
        if (nanos == 0) {
            return "0s";
        }
        StringBuilder out = new StringBuilder();
        if (nanos < 0) {
            out.append('-');
            nanos = -nanos;
        }
        if (nanos < 1_000_000_000L) {
            if (nanos < 1_000) {
                return out.append(nanos).append("ns").toString();
            }
            if (nanos < 1_000_000) {
                return out.append(fraction(nanos, 1_000)).append("\u00b5s").toString();
            }
            return out.append(fraction(nanos, 1_000_000)).append("ms").toString();
        }
        long hours = nanos / 3_600_000_000_000L;
        long minutes = nanos / 60_000_000_000L % 60;
        long rest = nanos % 60_000_000_000L;
        if (hours > 0) {
            out.append(hours).append('h');
        }
        if (hours > 0 || minutes > 0) {
            out.append(minutes).append('m');
        }
        return out.append(fraction(rest, 1_000_000_000L)).append('s').toString();
    }

    /** {@code value / unit} with its fraction, trailing zeros dropped ({@code 1500, 1000} gives {@code 1.5}). */
    private static String fraction(long value, long unit) {
        long whole = value / unit;
        long part = value % unit;
        if (part == 0) {
            return Long.toString(whole);
        }
        String digits = String.format("%0" + Long.toString(unit).length() + "d", part).substring(1);
        return whole + "." + digits.replaceAll("0+$", "");
    }
}
