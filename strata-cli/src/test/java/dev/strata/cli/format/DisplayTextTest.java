package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Docker's TruncateID and Ellipsis; the ellipsis vectors are docker/cli's displayutils_test.go. */
class DisplayTextTest {

    @Test
    void truncateIdDropsTheAlgorithmAndKeepsTwelveCharacters() {
        assertThat(DisplayText.truncateId(
                "sha256:6fd955f66c231c1a946653170d096fc53d3ac68a5e2eca0d8ff9a1e6b4cafd0b"))
                .isEqualTo("6fd955f66c23");
        assertThat(DisplayText.truncateId("abc")).isEqualTo("abc");
    }

    @ParameterizedTest
    @CsvSource({
        "t🐳ststring, 0, ''",
        "t🐳ststring, 1, t",
        "t🐳ststring, 2, t…",
        "t🐳ststring, 6, t🐳st…",
        "t🐳ststring, 20, t🐳ststring",
        "你好世界teststring, 0, ''",
        "你好世界teststring, 1, 你",
        "你好世界teststring, 3, 你…",
        "你好世界teststring, 6, 你好…",
        "你好世界teststring, 20, 你好世界teststring",
        "/bin/sh -c #(nop)  CMD [\"sh\"], 10, /bin/sh -…",
    })
    void ellipsisMatchesDocker(String source, int width, String expected) {
        assertThat(DisplayText.ellipsis(source, width)).isEqualTo(expected);
    }

    @Test
    void widthCountsWideCharactersTwice() {
        assertThat(DisplayText.width("ab你好")).isEqualTo(6);
        assertThat(DisplayText.width("e\u0301")).isEqualTo(1);
    }
}
