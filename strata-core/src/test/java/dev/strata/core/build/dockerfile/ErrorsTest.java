package dev.strata.core.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsTest {
    /** Each Dockerfile (lines separated by {@code ;}) and its exact message; the line is 2 unless the text says. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "FROM busybox;RUNN echo|Dockerfile:2: unknown instruction: RUNN (did you mean RUN?)",
            "FROM busybox;runn echo|Dockerfile:2: unknown instruction: runn (did you mean run?)",
            "FROM busybox;BOGUSCMD x|Dockerfile:2: unknown instruction: BOGUSCMD",
            "FROM busybox;ENV =x|Dockerfile:2: ENV names can not be blank",
            "FROM busybox;ENV|Dockerfile:2: ENV requires at least one argument",
            "FROM busybox;ENV A|Dockerfile:2: ENV must have two arguments",
            "FROM busybox;ENV A=1 B|~Dockerfile:2: Syntax error - can't find = in \"B\". Must be of the form: name=value~",
            "FROM busybox;LABEL =x|Dockerfile:2: LABEL names can not be blank",
            "FROM busybox;LABEL a|Dockerfile:2: LABEL must have two arguments",
            "FROM|Dockerfile:1: FROM requires either one or three arguments",
            "FROM a b|Dockerfile:1: FROM requires either one or three arguments",
            "FROM a AS b c|Dockerfile:1: FROM requires either one or three arguments",
            "FROM a AS 1x|~Dockerfile:1: invalid name for build stage: \"1x\", name can't start with a number or contain symbols~",
            "FROM a AS b$|~Dockerfile:1: invalid name for build stage: \"b$\", name can't start with a number or contain symbols~",
            "FROM --plaform=x a|Dockerfile:1: unknown flag: --plaform (did you mean platform?)",
            "FROM --platform a|Dockerfile:1: missing a value on flag: --platform",
            "FROM busybox;COPY onlyone|Dockerfile:2: COPY requires at least two arguments, but only one was provided. Destination could not be determined",
            "FROM busybox;ADD|Dockerfile:2: ADD requires at least two arguments, but only one was provided. Destination could not be determined",
            "FROM busybox;COPY --from=a --from=b x y|Dockerfile:2: duplicate flag specified: --from",
            "FROM busybox;COPY --link=maybe x y|Dockerfile:2: expecting boolean value for flag --link, not: maybe",
            "FROM busybox;COPY --link= x y|Dockerfile:2: missing a value on flag: --link",
            "FROM busybox;COPY --checksum=x a b|Dockerfile:2: unknown flag: --checksum",
            "FROM busybox;ADD --from=x a b|Dockerfile:2: unknown flag: --from",
            "FROM busybox;COPY a <<EOF;EOF|Dockerfile:2: COPY cannot accept a heredoc as a destination",
            "FROM busybox;RUN <<EOF;echo|Dockerfile:2: unterminated heredoc",
            "FROM busybox;RUN --network=bridge x|~Dockerfile:2: invalid network mode \"bridge\"~",
            "FROM busybox;RUN --security=x y|~Dockerfile:2: security \"x\" is not valid~",
            "FROM busybox;RUN --foo x|Dockerfile:2: unknown flag: --foo",
            "FROM busybox;CMD --foo x|Dockerfile:2: unknown flag: --foo",
            "FROM busybox;RUN [1, 2]|Dockerfile:2: when using JSON array syntax, arrays must be comprised of strings only",
            "FROM busybox;CMD [\"a\", null]|Dockerfile:2: when using JSON array syntax, arrays must be comprised of strings only",
            "FROM busybox;SHELL /bin/sh -c|Dockerfile:2: SHELL requires the arguments to be in JSON form",
            "FROM busybox;SHELL []|Dockerfile:2: SHELL requires at least one argument",
            "FROM busybox;WORKDIR|Dockerfile:2: WORKDIR requires exactly one argument",
            "FROM busybox;USER|Dockerfile:2: USER requires exactly one argument",
            "FROM busybox;MAINTAINER|Dockerfile:2: MAINTAINER requires exactly one argument",
            "FROM busybox;STOPSIGNAL|Dockerfile:2: STOPSIGNAL requires exactly one argument",
            "FROM busybox;EXPOSE|Dockerfile:2: EXPOSE requires at least one argument",
            "FROM busybox;VOLUME|Dockerfile:2: VOLUME requires at least one argument",
            "FROM busybox;VOLUME [\"\"]|Dockerfile:2: VOLUME specified can not be an empty string",
            "FROM busybox;ARG|Dockerfile:2: ARG requires at least one argument",
            "FROM busybox;ARG =x|Dockerfile:2: ARG names can not be blank",
            "FROM busybox;ONBUILD|Dockerfile:2: ONBUILD requires at least one argument",
            "FROM busybox;ONBUILD ONBUILD RUN x|Dockerfile:2: Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
            "FROM busybox;ONBUILD FROM x|Dockerfile:2: FROM isn't allowed as an ONBUILD trigger",
            "FROM busybox;onbuild maintainer x|Dockerfile:2: MAINTAINER isn't allowed as an ONBUILD trigger",
            "FROM busybox;HEALTHCHECK|Dockerfile:2: HEALTHCHECK requires at least one argument",
            "FROM busybox;HEALTHCHECK NONE x|Dockerfile:2: HEALTHCHECK NONE takes no arguments",
            "FROM busybox;HEALTHCHECK CMD|Dockerfile:2: Missing command after HEALTHCHECK CMD",
            "FROM busybox;HEALTHCHECK RUN x|~Dockerfile:2: Unknown type \"RUN\" in HEALTHCHECK (try CMD)~",
            "FROM busybox;HEALTHCHECK --interval=5 CMD x|~Dockerfile:2: time: missing unit in duration \"5\"~",
            "FROM busybox;HEALTHCHECK --timeout=5y CMD x|~Dockerfile:2: time: unknown unit \"y\" in duration \"5y\"~",
            "FROM busybox;HEALTHCHECK --timeout=abc CMD x|~Dockerfile:2: time: invalid duration \"abc\"~",
            "FROM busybox;HEALTHCHECK --interval=10us CMD x|~Dockerfile:2: Interval \"interval\" cannot be less than 1ms~",
            "FROM busybox;HEALTHCHECK --retries=-1 CMD x|Dockerfile:2: --retries cannot be negative (-1)",
            "FROM busybox;HEALTHCHECK --retries=x CMD x|~Dockerfile:2: strconv.ParseInt: parsing \"x\": invalid syntax~",
            "RUN echo hi|Dockerfile:1: no build stage in current context",
            "ARG V=1;ENV A=b;FROM busybox|Dockerfile:2: no build stage in current context",
            "ARG V=1|dockerfile contains no stages to build",
            "# only a comment|Dockerfile:1: file with no instructions",
            "# escape=x;FROM busybox|Dockerfile:1: invalid escape token 'x' does not match ` or \\",
            "# escape=`;# Escape=\\;FROM busybox|Dockerfile:2: only one escape parser directive can be used",
            "FROM busybox;RUN x;RUNN;RUN [1]|Dockerfile:4: when using JSON array syntax, arrays must be comprised of strings only",
    })
    void reportsTheProblemAndItsLine(String lines, String message) {
        String text = lines.replace(';', '\n') + "\n";
        assertThatThrownBy(() -> Dockerfile.parse(text, "Dockerfile"))
                .isInstanceOf(DockerfileException.class)
                .hasMessage(message);
    }

    @Test
    void anEmptyFileIsNamed() {
        assertThatThrownBy(() -> Dockerfile.parse("", "Dockerfile.dev"))
                .hasMessage("the Dockerfile (Dockerfile.dev) cannot be empty");
    }

    @Test
    void errorsAreInvalidArgumentsWithTheirPlace() {
        DockerfileException e = (DockerfileException) org.assertj.core.api.Assertions.catchThrowable(
                () -> Dockerfile.parse("FROM busybox\n\nRUNN x\n", "build/Dockerfile"));
        assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT);
        assertThat(e.fileName()).isEqualTo("build/Dockerfile");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.problem()).isEqualTo("unknown instruction: RUNN (did you mean RUN?)");
    }

    @Test
    void expansionErrorsNameTheInstructionsLine() {
        Dockerfile df = Dockerfile.parse("FROM busybox\nENV A=1\nWORKDIR ${DIR:?set DIR}\n", "Dockerfile");
        Instruction workdir = df.stages().get(0).instructions().get(1);
        assertThatThrownBy(() -> workdir.expand(Expander.of(df), java.util.Map.of()))
                .hasMessage("Dockerfile:3: failed to process \"${DIR:?set DIR}\": DIR: set DIR");
    }

    @Test
    void triggersFromAnImageAreCheckedToo() {
        assertThatThrownBy(() -> Dockerfile.parseTrigger("FROM x", "ONBUILD"))
                .hasMessage("ONBUILD:1: FROM isn't allowed as an ONBUILD trigger");
        assertThatThrownBy(() -> Dockerfile.parseTrigger("RUN a\nRUN b", "ONBUILD"))
                .hasMessage("onbuild trigger should be a single expression");
    }
}
