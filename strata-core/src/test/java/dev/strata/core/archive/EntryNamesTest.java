package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntryNamesTest {
    @ParameterizedTest
    @CsvSource({
        "usr/bin/env, usr/bin/env",
        "./usr/bin/, usr/bin",
        "usr//bin/./env, usr/bin/env",
        "a/b/../c, a/c",
        "a/.., ''",
        "./, ''",
        "., ''",
        "..a/b.., ..a/b..",
        ".hidden/.x, .hidden/.x",
    })
    void normalizesToACleanRelativePath(String name, String clean) {
        assertThat(EntryNames.normalize(name)).isEqualTo(clean);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../x", "a/../../x", "./a/./../../x", "a/b/../../.."})
    void refusesNamesThatClimbOut(String name) {
        assertThatThrownBy(() -> EntryNames.normalize(name))
                .isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("points outside the target directory");
    }

    @Test
    void refusesAbsoluteNamesAndNulCharacters() {
        assertThatThrownBy(() -> EntryNames.normalize("/etc/passwd")).hasMessageContaining("is an absolute path");
        assertThatThrownBy(() -> EntryNames.normalize("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void splitsAndJoinsCleanPaths() {
        assertThat(EntryNames.parent("a/b/c")).isEqualTo("a/b");
        assertThat(EntryNames.parent("a")).isEmpty();
        assertThat(EntryNames.baseName("a/b/c")).isEqualTo("c");
        assertThat(EntryNames.join("", "c")).isEqualTo("c");
        assertThat(EntryNames.join("a", "c")).isEqualTo("a/c");
    }

    @Test
    void quotesOnOneLine() {
        assertThat(EntryNames.quote("a\nb\"c")).isEqualTo("\"a\\x0ab\\\"c\"");
    }
}
