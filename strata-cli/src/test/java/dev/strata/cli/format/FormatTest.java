package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How docker/cli reads a --format value (formatter.go: IsTable, IsJSON, preFormat). */
class FormatTest {

    @Test
    void tableIsAPrefixAndJsonAnExactWord() {
        assertThat(new Format("table {{.ID}}").isTable()).isTrue();
        assertThat(new Format("tablespoon").isTable()).isTrue();
        assertThat(new Format("{{.ID}} table").isTable()).isFalse();
        assertThat(new Format("json").isJson()).isTrue();
        assertThat(new Format("json ").isJson()).isFalse();
        assertThat(new Format("json").isTable()).isFalse();
    }

    @Test
    void templateTextStripsTableTrimsSpacesAndTurnsEscapesIntoCharacters() {
        assertThat(new Format("table   {{.ID}}\\t{{.Size}}  ").templateText()).isEqualTo("{{.ID}}\t{{.Size}}");
        assertThat(new Format("{{.ID}}\\n").templateText()).isEqualTo("{{.ID}}\n");
        assertThat(new Format("json").templateText()).isEqualTo("{{json .}}");
        // Only spaces are trimmed, and "\\t" (backslash, backslash, t) keeps one backslash.
        assertThat(new Format("\t{{.ID}}\\\\t").templateText()).isEqualTo("\t{{.ID}}\\\t");
    }
}
