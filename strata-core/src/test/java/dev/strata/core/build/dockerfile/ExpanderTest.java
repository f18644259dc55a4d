package dev.strata.core.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.GoQuote;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpanderTest {
    private static final Map<String, String> ENV = Map.of("HOME", "/root", "SHELL", "ash", "EMPTY", "",
            "PATH", "/usr/local/bin:/usr/bin", "FILE", "archive.tar.gz", "GREETING", "안녕", "SPACED", "a  b ");
    private final Expander expander = new Expander('\\');

    // word | result; '-' in the result column stands for the empty string
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "plain|plain",
            "$HOME|/root",
            "${HOME}|/root",
            "${HOME}dir|/rootdir",
            "$HOMEdir|-",
            "pre$HOME.post|pre/root.post",
            "$UNSET|-",
            "${UNSET}x|x",
            "$|$",
            "$.|$.",
            "a$1b|ab",
            "$999x|x",
            "$@@|@",
            "${#:-d}|d",
            "\\$HOME|$HOME",
            "\\${HOME}|${HOME}",
            "\\\\$HOME|\\/root",
            "'$HOME'|$HOME",
            "~\"$HOME\"~|/root",
            "~\"'$HOME'\"~|'/root'",
            "~'\"q\"'~|\"q\"",
            "it\\'s|it's",
            "~\"a\\\"b\"~|a\"b",
            "~\"a\\tb\"~|a\\tb",
            "a\\tb|atb",
            "~'a\\tb'~|a\\tb",
            "trailing\\|trailing",
            "${UNSET:-default}|default",
            "${EMPTY:-default}|default",
            "${EMPTY-default}|-",
            "${UNSET-default}|default",
            "${HOME:-default}|/root",
            "${UNSET:+alt}|-",
            "${EMPTY:+alt}|-",
            "${EMPTY+alt}|alt",
            "${HOME:+alt}|alt",
            "${HOME+alt}|alt",
            "${UNSET:-$HOME}|/root",
            "${UNSET:-${SHELL:-x}}|ash",
            "${UNSET:-${ALSO:-deep}}|deep",
            "${HOME:+${SHELL}:}|ash:",
            "${UNSET:-\\$HOME:}|$HOME:",
            "${UNSET:-a b}|a b",
            "${UNSET:-'${HOME}'}|${HOME}",
            "${HOME?}|/root",
            "${EMPTY?}|-",
            "${HOME:?}|/root",
            "${x:-y}}|y}",
            "${FILE#*.}|tar.gz",
            "${FILE##*.}|gz",
            "${FILE%.*}|archive.tar",
            "${FILE%%.*}|archive",
            "${FILE#nomatch}|archive.tar.gz",
            "${FILE#arch?ve}|.tar.gz",
            "${PATH/bin/sbin}|/usr/local/sbin:/usr/bin",
            "${PATH//bin/sbin}|/usr/local/sbin:/usr/sbin",
            "${PATH//\\//+}|+usr+local+bin:+usr+bin",
            "${FILE/*./X}|Xgz",
            "${UNSET/a/b}|-",
            "${GREETING}세계|안녕세계",
            "$GREETING세계|-",
            "~'안'녕~|안녕",
            "${GREETING%녕}|안",
    })
    void expandsOneWord(String word, String expected) {
        assertThat(expander.expand(word, ENV)).isEqualTo(expected.equals("-") ? "" : expected);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "it'd|unexpected end of statement while looking for matching single-quote",
            "~\"open~|unexpected end of statement while looking for matching double-quote",
            "~\"open\\\"~|unexpected end of statement while looking for matching double-quote",
            "${}|syntax error: bad substitution",
            "${:-x}|syntax error: bad substitution",
            "${{x}|syntax error: bad substitution",
            "${|syntax error: missing '}'",
            "${HOME|unsupported modifier (\uFFFD) in substitution",
            "${x:-y|syntax error: missing '}'",
            "${x:-y ${HOME}|syntax error: missing '}'",
            "${.}|unsupported modifier (.) in substitution",
            "${HOME:=x}|unsupported modifier (:=) in substitution",
            "${HOME:x}|unsupported modifier (:x) in substitution",
            "${HOME:#x}|unsupported modifier (:#) in substitution",
            "${UNSET?}|UNSET: is not allowed to be unset",
            "${UNSET:?}|UNSET: is not allowed to be unset",
            "${EMPTY:?}|EMPTY: is not allowed to be empty",
            "${UNSET:?need it}|UNSET: need it",
            "${FILE#a\\b}|invalid pattern (a\\b) in substitution: invalid escape '\\b'",
            "${PATH/x|syntax error: missing '/' in ${}",
    })
    void reportsDockersErrors(String word, String problem) {
        assertThatThrownBy(() -> expander.expand(word, ENV))
                .isInstanceOf(DockerfileException.class)
                .hasMessage("failed to process " + GoQuote.quote(word) + ": " + problem);
    }

    // text | words separated by commas
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "a b   c|a,b,c",
            "x${SPACED}y|xa,b,y",
            "~x\"${SPACED}\"y~|xa  b y",
            "~\"a b\" c~|a b,c",
            "a\\ b|a b",
            "~a\\\" b~|a\",b",
            "${UNSET} a|a",
            "~\"\" a~|a",
            "~'$HOME' \"$HOME\"~|$HOME,/root",
    })
    void splitsWordsAfterExpansion(String text, String expected) {
        assertThat(expander.expandWords(text, ENV)).isEqualTo(Arrays.asList(expected.split(",")));
    }

    @Test
    void backtickIsTheEscapeWhenTheDockerfileSaysSo() {
        Expander backtick = new Expander('`');
        assertThat(backtick.expand("`$HOME", ENV)).isEqualTo("$HOME");
        assertThat(backtick.expand("C:\\dir\\$SHELL", ENV)).isEqualTo("C:\\dir\\ash");
        assertThat(backtick.expand("\"a`\"b\"", ENV)).isEqualTo("a\"b");
    }

    @Test
    void heredocBodiesKeepQuotesButTakeBackslashEscapes() {
        assertThat(expander.expandHeredoc("echo '$HOME' \"$SHELL\" \\$x\n", ENV)).isEqualTo("echo '/root' \"ash\" $x\n");
        assertThat(new Expander('`').expandHeredoc("\\$HOME `$HOME", ENV)).isEqualTo("$HOME `/root");
    }

    @Test
    void reportsWhichVariablesAWordUses() {
        assertThat(expander.references("$HOME ${UNSET:-$SHELL}", ENV)).containsExactlyInAnyOrder("HOME", "SHELL");
    }

    @Test
    void onlyBackslashAndBacktickAreEscapes() {
        assertThatThrownBy(() -> new Expander('x')).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Expander('\\').expandWords("", Map.of())).isEqualTo(List.of());
    }
}
