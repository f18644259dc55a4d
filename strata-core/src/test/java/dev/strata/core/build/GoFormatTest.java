package dev.strata.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFormatTest {
    @ParameterizedTest
    @CsvSource({"0, 0s", "1, 1ns", "1500, 1.5\u00b5s", "2000000, 2ms", "1500000000, 1.5s", "30000000000, 30s",
        "90000000000, 1m30s", "300000000000, 5m0s", "3600000000000, 1h0m0s", "3661500000000, 1h1m1.5s",
        "-1500000000, -1.5s"})
    void durationsReadAsGosString(long nanos, String expected) {
        assertThat(GoFormat.duration(Duration.ofNanos(nanos))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a,b c|[a b c]|[\"a\" \"b c\"]", "x\"y|[x\"y]|[\"x\\\"y\"]"})
    void listsReadAsGosVerbs(String items, String plain, String quoted) {
        List<String> list = List.of(items.split(","));
        assertThat(GoFormat.list(list)).isEqualTo(plain);
        assertThat(GoFormat.quotedList(list)).isEqualTo(quoted);
    }
}
