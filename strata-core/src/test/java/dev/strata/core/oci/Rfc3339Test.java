package dev.strata.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Rfc3339Test {
    @ParameterizedTest
    @ValueSource(strings = {"2024-05-01T10:00:00Z", "2024-05-01T10:00:00.1Z", "2024-05-01T10:00:00.123456789Z",
        "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T23:59:59+05:30", "2024-03-01T00:00:00-08:00",
        "0001-01-01T00:00:00Z", "9999-12-31T23:59:59.5+14:00", "2024-05-01T10:00:00.000001-00:30",
        "2024-05-01t10:00:00Z", "2024-05-01T10:00Z", "2024-05-01T10:00:00.123+0530", "2024-05-01T10:00:00.Z"})
    void agreesWithJavaTime(String text) {
        Object expected;
        try {
            expected = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeException.class);
            return;
        }
        assertThat(Rfc3339.parse(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-29T00:00:00Z", "2024-13-01T00:00:00Z", "2024-05-01T24:00:00Z",
        "2024-05-01T10:00:00", "2024-05-01T10:00:00.1234567891Z", "yesterday", ""})
    void rejectsWhatJavaTimeRejects(String text) {
        assertThatThrownBy(() -> Rfc3339.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
