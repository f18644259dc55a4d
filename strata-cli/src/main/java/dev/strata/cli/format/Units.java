package dev.strata.cli.format;

import java.time.Duration;
import java.time.Instant;

/**
 * Human-readable sizes and durations exactly as Docker prints them (github.com/docker/go-units),
 * such as "133MB", "1.2MB", "2 weeks" and "About an hour ago".
 */
public final class Units {

    private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
    private static final String[] BINARY = {"B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"};
    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long NANOS_PER_MINUTE = 60 * NANOS_PER_SECOND;
    private static final long NANOS_PER_HOUR = 60 * NANOS_PER_MINUTE;

    private Units() {
    }

    /**
     * The SIZE column of {@code docker images} and {@code docker history}:
     * {@code units.HumanSizeWithPrecision(size, 3)}, such as "0B", "8.19kB", "1.2MB", "133MB".
     * Note go-units' own HumanSize uses four digits; use {@link #humanSizeWithPrecision} for it.
     */
    public static String humanSize(long bytes) {
        return humanSizeWithPrecision(bytes, 3);
    }

    /**
     * go-units HumanSizeWithPrecision: decimal units (1000) and Go's {@code %.*g}, so a size that
     * rounds up to 1000 of a unit prints in exponent form, such as "1e+03kB".
     */
    public static String humanSizeWithPrecision(double size, int precision) {
        int unit = 0;
        while (size >= 1000 && unit < DECIMAL.length - 1) {
            size /= 1000;
            unit++;
        }
        return GoFloat.format(size, 'g', precision, 64) + DECIMAL[unit];
    }

    /** go-units BytesSize: binary units (1024) with four digits, such as "44KiB", "17MiB". */
    public static String bytesSize(double size) {
        int unit = 0;
        while (size >= 1024 && unit < BINARY.length - 1) {
            size /= 1024;
            unit++;
        }
        return GoFloat.format(size, 'g', 4, 64) + BINARY[unit];
    }

    /**
     * go-units HumanDuration: "Less than a second", "1 second", "N seconds", "About a minute",
     * "N minutes", "About an hour", "N hours", "N days", "N weeks", "N months", "N years".
     * Like a Go time.Duration, the duration saturates at about 292 years.
     */
    public static String humanDuration(Duration d) {
        long nanos = saturatedNanos(d);
        long seconds = (long) seconds(nanos);
        if (seconds < 1) {
            return "Less than a second";
        }
        if (seconds == 1) {
            return "1 second";
        }
        if (seconds < 60) {
            return seconds + " seconds";
        }
        long minutes = (long) split(nanos, NANOS_PER_MINUTE);
        if (minutes == 1) {
            return "About a minute";
        }
        if (minutes < 60) {
            return minutes + " minutes";
        }
        long hours = (long) (split(nanos, NANOS_PER_HOUR) + 0.5);
        if (hours == 1) {
            return "About an hour";
        }
        if (hours < 48) {
            return hours + " hours";
        }
        if (hours < 24 * 7 * 2) {
            return hours / 24 + " days";
        }
        if (hours < 24 * 30 * 2) {
            return hours / 24 / 7 + " weeks";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 / 30 + " months";
        }
        return (long) split(nanos, NANOS_PER_HOUR) / 24 / 365 + " years";
    }

    /** How long ago {@code then} was, as the CREATED column prints it: "2 weeks ago". */
    public static String since(Instant then, Instant now) {
        return humanDuration(Duration.between(then, now)) + " ago";
    }

    private static long saturatedNanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return d.isNegative() ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** Go's Duration.Seconds(): whole seconds plus the fraction, as a float. */
    private static double seconds(long nanos) {
        return split(nanos, NANOS_PER_SECOND);
    }

    /** Go's Duration.Minutes()/Hours(): whole units plus the remainder as a fraction. */
    private static double split(long nanos, long unit) {
        return (double) (nanos / unit) + (double) (nanos % unit) / unit;
    }
}
