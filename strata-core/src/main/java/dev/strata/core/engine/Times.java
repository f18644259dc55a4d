package dev.strata.core.engine;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Timestamps as Docker writes them in configs: RFC 3339 in UTC with nanoseconds, trailing zeros dropped. */
public final class Times {
    private Times() {}

    public static String format(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.atOffset(ZoneOffset.UTC));
    }
}
