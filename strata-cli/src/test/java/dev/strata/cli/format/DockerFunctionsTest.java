package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The functions docker/cli adds to templates (templates/templates.go): json, split, join, title,
 * lower, upper, pad and truncate.
 */
class DockerFunctionsTest {

    private static String run(String template, Object data) {
        return GoTemplate.parse(template).execute(data);
    }

    @Test
    void jsonIsCompactSortedAndDoesNotEscapeHtml() {
        // docker/cli encodes with SetEscapeHTML(false).
        Map<String, Object> data = Map.of("Config", Map.of("Labels", Map.of("b", "<x&y>", "a", "1")),
                "Cmd", GoNil.SLICE);
        assertThat(run("{{json .Config}}", data)).isEqualTo("{\"Labels\":{\"a\":\"1\",\"b\":\"<x&y>\"}}");
        assertThat(run("{{json .Cmd}} {{json .Nope}} {{json \"s\"}} {{json 1.0}}", data))
                .isEqualTo("null null \"s\" 1");
    }

    @Test
    void jsonPrintsNothingForValuesItCannotEncode() {
        // Docker ignores the encoder's error and prints the empty buffer.
        assertThat(run("[{{json .}}]", Double.NaN)).isEqualTo("[]");
    }

    @Test
    void splitAndJoin() {
        assertThat(run("{{split \"a,b,,c\" \",\"}} {{len (split \"\" \",\")}}", null))
                .isEqualTo("[a b  c] 1");
        assertThat(run("{{split \"héj\" \"\"}}", null)).isEqualTo("[h é j]");
        assertThat(run("{{join .Env \", \"}}|{{join .Cmd \" \"}}|{{join (split \"a:b\" \":\") \"-\"}}",
                Map.of("Env", List.of("A=1", "B=2"), "Cmd", GoNil.SLICE))).isEqualTo("A=1, B=2||a-b");
    }

    @Test
    void joinNeedsAListOfStrings() {
        assertThatThrownBy(() -> run("{{join .L \",\"}}", Map.of("L", List.of(1, 2))))
                .isInstanceOf(TemplateException.class)
                .hasMessageEndingWith("wrong type for value; expected []string; got []interface {}");
    }

    @Test
    void caseFunctions() {
        assertThat(run("{{title \"hello wORLD foo_bar x-y\"}}|{{upper \"abc Déf\"}}|{{lower \"ABC Déf\"}}", null))
                .isEqualTo("Hello WORLD Foo_bar X-Y|ABC DÉF|abc déf");
    }

    @Test
    void padAddsSpacesOnlyAroundNonEmptyText() {
        assertThat(run("[{{pad \"x\" 2 3}}][{{pad \"\" 2 3}}]", null)).isEqualTo("[  x   ][]");
    }

    @Test
    void truncateCutsBytes() {
        assertThat(run("{{truncate \"abcdef\" 3}} {{truncate \"ab\" 5}} {{truncate \"abc\" 3}} {{truncate \"héllo\" 3}}",
                null)).isEqualTo("abc ab abc hé");
    }
}
