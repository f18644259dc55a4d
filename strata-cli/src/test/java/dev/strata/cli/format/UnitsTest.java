package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** go-units sizes and durations; vectors come from go-units' size_test.go and duration_test.go. */
class UnitsTest {

    private static final double KIB = 1024;
    private static final double MIB = KIB * 1024;
    private static final double GIB = MIB * 1024;
    private static final double TIB = GIB * 1024;
    private static final double PIB = TIB * 1024;

    @Test
    void dockerImageSizesUseThreeDigits() {
        assertThat(Units.humanSize(0)).isEqualTo("0B");
        assertThat(Units.humanSize(1_200_000)).isEqualTo("1.2MB");
        assertThat(Units.humanSize(653_000_000)).isEqualTo("653MB");
        assertThat(Units.humanSize(8192)).isEqualTo("8.19kB");
        assertThat(Units.humanSize(132_935_043)).isEqualTo("133MB");
        assertThat(Units.humanSize(999)).isEqualTo("999B");
        assertThat(Units.humanSize(4_261_550)).isEqualTo("4.26MB");
    }

    @Test
    void aSizeThatRoundsUpToAThousandPrintsAnExponent() {
        // %.3g of 999.999 is "1e+03"; go-units does not move to the next unit.
        assertThat(Units.humanSize(999_999)).isEqualTo("1e+03kB");
        assertThat(Units.humanSize(999_499)).isEqualTo("999kB");
    }

    @Test
    void goUnitsHumanSizeVectors() {
        assertThat(Units.humanSizeWithPrecision(1000, 4)).isEqualTo("1kB");
        assertThat(Units.humanSizeWithPrecision(1024, 4)).isEqualTo("1.024kB");
        assertThat(Units.humanSizeWithPrecision(1_000_000, 4)).isEqualTo("1MB");
        assertThat(Units.humanSizeWithPrecision(1_048_576, 4)).isEqualTo("1.049MB");
        assertThat(Units.humanSizeWithPrecision(2e6, 4)).isEqualTo("2MB");
        assertThat(Units.humanSizeWithPrecision(3.42e9, 4)).isEqualTo("3.42GB");
        assertThat(Units.humanSizeWithPrecision(5.372e12, 4)).isEqualTo("5.372TB");
        assertThat(Units.humanSizeWithPrecision(2.22e15, 4)).isEqualTo("2.22PB");
        assertThat(Units.humanSizeWithPrecision(10_000_000_000_000.0 * 1e15, 4)).isEqualTo("1e+04YB");
    }

    @Test
    void goUnitsBytesSizeVectors() {
        assertThat(Units.bytesSize(1024)).isEqualTo("1KiB");
        assertThat(Units.bytesSize(1024 * 1024)).isEqualTo("1MiB");
        assertThat(Units.bytesSize(2 * MIB)).isEqualTo("2MiB");
        assertThat(Units.bytesSize(3.42 * GIB)).isEqualTo("3.42GiB");
        assertThat(Units.bytesSize(5.372 * TIB)).isEqualTo("5.372TiB");
        assertThat(Units.bytesSize(2.22 * PIB)).isEqualTo("2.22PiB");
        assertThat(Units.bytesSize(KIB * KIB * KIB * KIB * KIB * PIB)).isEqualTo("1.049e+06YiB");
    }

    @ParameterizedTest
    @CsvSource({
        "PT0.45S, Less than a second",
        "PT1S, 1 second",
        "PT45S, 45 seconds",
        "PT59S, 59 seconds",
        "PT60S, About a minute",
        "PT3M, 3 minutes",
        "PT35M40S, 35 minutes",
        "PT59M, 59 minutes",
        "PT1H, About an hour",
        "PT1H29M, About an hour",
        "PT1H31M, 2 hours",
        "PT3H29M, 3 hours",
        "PT3H31M, 4 hours",
        "PT24H, 24 hours",
        "PT36H, 36 hours",
        "P2D, 2 days",
        "P13DT5H, 13 days",
        "P14D, 2 weeks",
        "P18D, 2 weeks",
        "P30D, 4 weeks",
        "P44D, 6 weeks",
        "P60D, 2 months",
        "P97D, 3 months",
        "P164D, 5 months",
        "P390D, 13 months",
        "P720D, 24 months",
        "P734D, 2 years",
        "P1155D, 3 years",
        "-PT5M, Less than a second",
    })
    void goUnitsHumanDurationVectors(String iso, String expected) {
        assertThat(Units.humanDuration(Duration.parse(iso))).isEqualTo(expected);
    }

    @Test
    void sinceAddsAgo() {
        Instant now = Instant.parse("2024-06-15T12:00:00Z");
        assertThat(Units.since(now.minus(Duration.ofDays(15)), now)).isEqualTo("2 weeks ago");
        assertThat(Units.since(now, now)).isEqualTo("Less than a second ago");
    }

    @Test
    void durationsBeyondGoRangeSaturate() {
        // time.Duration saturates at about 292 years.
        assertThat(Units.humanDuration(Duration.ofDays(365L * 1000))).isEqualTo("292 years");
    }
}
