package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Error messages, worded as Go's text/template words them and prefixed as the docker CLI prefixes
 * them ("template parsing error: ", docker/cli formatter.go and inspect.go).
 */
class GoTemplateErrorTest {

    private static final Map<String, Object> DATA = Map.of(
            "Name", "abc", "N", 5, "L", List.of("a", "b"), "Nil", mapWithNull());

    private static Map<String, Object> mapWithNull() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("P", null);
        return m;
    }

    private static String parseError(String template) {
        try {
            GoTemplate.parse(template);
        } catch (TemplateException e) {
            return e.getMessage();
        }
        throw new AssertionError("parsed without error: " + template);
    }

    private static String execError(String template) {
        GoTemplate parsed = GoTemplate.parse(template);
        try {
            parsed.execute(DATA);
        } catch (TemplateException e) {
            return e.getMessage();
        }
        throw new AssertionError("executed without error: " + template);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
            {{.ID} => template: :1: bad character U+007D '}'
            {{ .ID } => template: :1: unexpected "}" in operand
            {{.ID => template: :1: unclosed action
            {{end}} => template: :1: unexpected {{end}}
            {{else}} => template: :1: unexpected {{else}}
            {{if .X}}a => template: :1: unexpected EOF
            {{nope .X}} => template: :1: function "nope" not defined
            {{$x}} => template: :1: undefined variable "$x"
            {{}} => template: :1: missing value for command
            {{range}}{{end}} => template: :1: missing value for range
            {{.X | "s"}} => template: :1: non executable command in pipeline stage 2
            {{break}} => template: :1: {{break}} outside {{range}}
            {{"abc}} => template: :1: unterminated quoted string
            {{/* open }} => template: :1: unclosed comment
            {{/* c */ .X}} => template: :1: comment ends before closing delimiter
            {{(.X}} => template: :1: unclosed left paren
            {{.X)}} => template: :1: unexpected right paren
            {{3.X}} => template: :1: bad number syntax: "3.X"
            {{.X : 1}} => template: :1: expected :=
            {{if 1}}{{else}}{{else}}{{end}} => template: :1: expected end; found {{else}}
            {{end "abcdefghijklmno"}} => template: :1: unexpected "\\"abcdefghi"... in end
            {{"x".Y}} => template: :1: unexpected . after term "\\"x\\""
            {{if $v := 1}}{{end}}{{$v}} => template: :1: undefined variable "$v"
            """)
    void parseErrorsReadLikeGo(String template, String goMessage) {
        assertThat(parseError(template)).isEqualTo("template parsing error: " + goMessage);
    }

    @Test
    void parseErrorsNameTheLine() {
        assertThat(parseError("line one\nline two {{.X}")).endsWith("template: :2: bad character U+007D '}'");
    }

    @Test
    void theGoMessageIsAvailableWithoutDockersPrefix() {
        assertThatThrownBy(() -> GoTemplate.parse("{{end}}"))
                .isInstanceOfSatisfying(TemplateException.class,
                        e -> assertThat(e.goMessage()).isEqualTo("template: :1: unexpected {{end}}"));
    }

    @ParameterizedTest
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', textBlock = """
            {{.Name.Foo}} => template: :1:7: executing "" at <.Name.Foo>: can't evaluate field Foo in type string
            {{index .L 5}} => template: :1:2: executing "" at <index .L 5>: error calling index: index out of range: 5
            {{upper .N}} => template: :1:8: executing "" at <.N>: wrong type for value; expected string; got int
            {{.Nil.P.X}} => template: :1:6: executing "" at <.Nil.P.X>: nil pointer evaluating interface {}.X
            {{len 3}} => template: :1:2: executing "" at <len 3>: error calling len: len of type int
            {{lt 1 "a"}} => template: :1:2: executing "" at <lt 1 "a">: error calling lt: incompatible types for comparison
            {{lt true false}} => template: :1:2: executing "" at <lt true false>: error calling lt: invalid type for comparison
            {{eq}} => template: :1:2: executing "" at <eq>: wrong number of args for eq: want at least 1 got 0
            {{upper}} => template: :1:2: executing "" at <upper>: wrong number of args for upper: want 1 got 0
            {{.Name 1}} => template: :1:2: executing "" at <.Name>: Name is not a method but has arguments
            {{1 2}} => template: :1:2: executing "" at <1>: can't give argument to non-function 1
            {{nil}} => template: :1:2: executing "" at <nil>: nil is not a command
            {{range .Name}}{{end}} => template: :1:8: executing "" at <.Name>: range can't iterate over abc
            {{truncate .Name 1.5}} => template: :1:17: executing "" at <1.5>: expected integer; found 1.5
            {{join .N ","}} => template: :1:7: executing "" at <.N>: wrong type for value; expected []string; got int
            """)
    void executionErrorsReadLikeGo(String template, String goMessage) {
        assertThat(execError(template)).isEqualTo("template parsing error: " + goMessage);
    }

    @Test
    void executionErrorsLocateLineAndByteColumn() {
        assertThat(execError("line one\n  {{.Name.Foo}}"))
                .startsWith("template parsing error: template: :2:9: executing \"\" at <.Name.Foo>");
    }
}
