package dev.strata.cli.format;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Go's time formats as Docker prints them: RFC 3339, RFC 3339 with nanoseconds, and
 * {@code Time.String()} (the {@code CreatedAt} column of {@code docker images}).
 * An {@link Instant} is shown in UTC.
 */
public final class GoTime {

    private static final DateTimeFormatter ZONE_NAME = DateTimeFormatter.ofPattern("zzz", Locale.US);

    private GoTime() {
    }

    /** Go's time.RFC3339, {@code 2006-01-02T15:04:05Z07:00}: whole seconds, "Z" for UTC. */
    public static String rfc3339(TemporalAccessor time) {
        ZonedDateTime t = zoned(time);
        return dateTime(t, 'T') + offset(t, true);
    }

    /**
     * Go's time.RFC3339Nano, {@code 2006-01-02T15:04:05.999999999Z07:00}: the fraction loses its
     * trailing zeros and disappears when it is zero.
     */
    public static String rfc3339Nano(TemporalAccessor time) {
        ZonedDateTime t = zoned(time);
        return dateTime(t, 'T') + fraction(t.getNano()) + offset(t, true);
    }

    /**
     * Go's {@code Time.String()}, {@code 2006-01-02 15:04:05.999999999 -0700 MST}, for example
     * {@code 2024-01-02 03:04:05 +0000 UTC}.
     */
    public static String timeString(TemporalAccessor time) {
        ZonedDateTime t = zoned(time);
        return dateTime(t, ' ') + fraction(t.getNano()) + " " + offset(t, false) + " " + zoneName(t);
    }

    private static ZonedDateTime zoned(TemporalAccessor time) {
        return switch (time) {
            case Instant i -> i.atZone(ZoneOffset.UTC);
            case ZonedDateTime z -> z;
            case OffsetDateTime o -> o.toZonedDateTime();
            default -> ZonedDateTime.from(time);
        };
    }

    private static String dateTime(ZonedDateTime t, char separator) {
        return String.format(Locale.ROOT, "%04d-%02d-%02d%c%02d:%02d:%02d", t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), separator, t.getHour(), t.getMinute(),
                t.getSecond());
    }

    private static String fraction(int nanos) {
        if (nanos == 0) {
            return "";
        }
        String digits = String.format(Locale.ROOT, "%09d", nanos);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return "." + digits.substring(0, end);
    }

    private static String offset(ZonedDateTime t, boolean iso) {
        int seconds = t.getOffset().getTotalSeconds();
        if (iso && seconds == 0) {
            return "Z";
        }
        int minutes = Math.abs(seconds) / 60;
        String sign = seconds < 0 ? "-" : "+";
        return String.format(Locale.ROOT, iso ? "%s%02d:%02d" : "%s%02d%02d", sign,
                minutes / 60, minutes % 60);
    }

    private static String zoneName(ZonedDateTime t) {
        if (t.getZone() instanceof ZoneOffset o) {
            // Go names a fixed zone without a name by its offset, and UTC as "UTC".
            return o.getTotalSeconds() == 0 ? "UTC" : offset(t, false);
        }
        return ZONE_NAME.format(t);
    }
}
