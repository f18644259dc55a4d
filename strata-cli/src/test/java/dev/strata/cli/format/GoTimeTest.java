package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Go's time layouts RFC3339, RFC3339Nano and Time.String() (https://pkg.go.dev/time). */
class GoTimeTest {

    private static final Instant T = Instant.parse("2024-01-02T03:04:05.120Z");

    @Test
    void rfc3339HasWholeSecondsAndZForUtc() {
        assertThat(GoTime.rfc3339(T)).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(GoTime.rfc3339(OffsetDateTime.parse("2024-01-02T03:04:05+02:00")))
                .isEqualTo("2024-01-02T03:04:05+02:00");
    }

    @Test
    void rfc3339NanoDropsTrailingZeros() {
        assertThat(GoTime.rfc3339Nano(T)).isEqualTo("2024-01-02T03:04:05.12Z");
        assertThat(GoTime.rfc3339Nano(Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(GoTime.rfc3339Nano(Instant.parse("2024-01-02T03:04:05.000000100Z")))
                .isEqualTo("2024-01-02T03:04:05.0000001Z");
    }

    @Test
    void timeStringIsWhatDockerImagesShowsAsCreatedAt() {
        assertThat(GoTime.timeString(Instant.parse("2024-01-02T03:04:05Z")))
                .isEqualTo("2024-01-02 03:04:05 +0000 UTC");
        assertThat(GoTime.timeString(T)).isEqualTo("2024-01-02 03:04:05.12 +0000 UTC");
        assertThat(GoTime.timeString(ZonedDateTime.of(2024, 7, 1, 9, 0, 0, 0, ZoneId.of("Europe/Paris"))))
                .isEqualTo("2024-07-01 09:00:00 +0200 CEST");
        assertThat(GoTime.timeString(OffsetDateTime.parse("2024-01-02T03:04:05-05:30")))
                .isEqualTo("2024-01-02 03:04:05 -0530 -0530");
    }
}
