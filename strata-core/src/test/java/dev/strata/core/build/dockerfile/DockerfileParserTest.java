package dev.strata.core.build.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {
    static Dockerfile parse(String text) {
        return Dockerfile.parse(text, "Dockerfile");
    }

    static Instruction only(String text) {
        Dockerfile df = parse("FROM busybox\n" + text);
        assertThat(df.stages().get(0).instructions()).hasSize(1);
        return df.stages().get(0).instructions().get(0);
    }

    @Test
    void keepsKeywordOriginalTextLinesAndOrder() {
        Dockerfile df = parse("""
                # a comment
                from busybox AS Build

                  run echo one \\
                    two
                CMD ["sh"]
                """);
        assertThat(df.stages()).hasSize(1);
        From from = df.stages().get(0).from();
        assertThat(from.origin()).isEqualTo(new Origin("Dockerfile", "from", "from busybox AS Build", 2, 2, List.of()));
        assertThat(from.stageName()).contains("build");
        Run run = (Run) df.stages().get(0).instructions().get(0);
        assertThat(run.origin().keyword()).isEqualTo("run");
        assertThat(run.origin().original()).isEqualTo("run echo one     two");
        assertThat(run.origin().startLine()).isEqualTo(4);
        assertThat(run.origin().endLine()).isEqualTo(5);
        assertThat(run.origin().where()).isEqualTo("Dockerfile:4");
        assertThat(run.command()).isEqualTo(new Command.ShellForm("echo one     two"));
        assertThat(df.instructions()).extracting(i -> i.origin().startLine()).containsExactly(2, 4, 6);
    }

    @Test
    void readsDirectivesOnlyAtTheVeryTop() {
        Dockerfile df = parse("# Syntax = docker/dockerfile:1\n#ESCAPE=`\n# check=skip=all\nFROM busybox\nRUN dir c:\\ `\n  && echo hi\n");
        assertThat(df.directives()).isEqualTo(new Directives('`', Optional.of("docker/dockerfile:1")));
        assertThat(((Run) df.stages().get(0).instructions().get(0)).command())
                .isEqualTo(new Command.ShellForm("dir c:\\   && echo hi"));

        Dockerfile late = parse("# a comment first\n# escape=`\nFROM busybox\nRUN echo \\\n  hi\n");
        assertThat(late.directives().escape()).isEqualTo('\\');
        assertThat(((Run) late.stages().get(0).instructions().get(0)).command()).isEqualTo(new Command.ShellForm("echo   hi"));

        Dockerfile afterBlank = parse("\n# escape=`\nFROM busybox\n");
        assertThat(afterBlank.directives().escape()).isEqualTo('\\');

        Dockerfile afterInstruction = parse("FROM busybox\n# escape=`\n");
        assertThat(afterInstruction.directives()).isEqualTo(Directives.DEFAULT);
    }

    @Test
    void toleratesCrlfBomAndLeadingWhitespace() {
        Dockerfile df = parse("\uFEFFFROM busybox\r\n\t  ENV A=1 \\\r\n    B=2\r\nRUN true\r\n");
        assertThat(df.stages().get(0).from().image()).isEqualTo("busybox");
        Env env = (Env) df.stages().get(0).instructions().get(0);
        assertThat(env.variables()).containsExactly(new KeyValue("A", "1", false), new KeyValue("B", "2", false));
        assertThat(df.stages().get(0).instructions().get(1).origin().startLine()).isEqualTo(4);
    }

    @Test
    void dropsCommentsAndEmptyLinesInsideContinuationsAndWarnsAboutEmptyOnes() {
        Dockerfile df = parse("FROM busybox\nRUN echo a \\\n# inside\n   # indented inside\n\n    b\nRUN echo \\\\\n");
        Run run = (Run) df.stages().get(0).instructions().get(0);
        assertThat(run.command()).isEqualTo(new Command.ShellForm("echo a     b"));
        assertThat(run.origin().endLine()).isEqualTo(6);
        assertThat(df.warnings()).containsExactly("Empty continuation line found in: RUN echo a     b");
        Run escaped = (Run) df.stages().get(0).instructions().get(1);
        assertThat(escaped.command()).as("an escaped escape is no continuation").isEqualTo(new Command.ShellForm("echo \\\\"));
    }

    @Test
    void aContinuationMayRunToTheEndOfTheFile() {
        Run run = (Run) only("RUN echo hi \\");
        assertThat(run.command()).isEqualTo(new Command.ShellForm("echo hi"));
    }

    @Test
    void hashInsideAnInstructionIsNotAComment() {
        Run run = (Run) only("RUN echo # not a comment");
        assertThat(run.command()).isEqualTo(new Command.ShellForm("echo # not a comment"));
    }

    @Test
    void readsFlagsWithQuotesRemoved() {
        Copy copy = (Copy) only("COPY --from=build --chown=\"app:app\" --chmod=0755 --link a b /dst/");
        assertThat(copy.origin().flags()).containsExactly("--from=build", "--chown=app:app", "--chmod=0755", "--link");
        assertThat(copy.from()).contains("build");
        assertThat(copy.chown()).contains("app:app");
        assertThat(copy.chmod()).contains("0755");
        assertThat(copy.link()).isTrue();
        assertThat(copy.sources()).containsExactly("a", "b");
        assertThat(copy.destination()).isEqualTo("/dst/");

        Copy dashes = (Copy) only("COPY -- --not-a-flag /dst");
        assertThat(dashes.origin().flags()).isEmpty();
        assertThat(dashes.sources()).containsExactly("--not-a-flag");
    }

    @Test
    void recognisesJsonFormExactlyAsDockerDoes() {
        assertThat(((Cmd) only("CMD [\"echo\", \"a b\"]")).command()).isEqualTo(new Command.ExecForm(List.of("echo", "a b")));
        assertThat(((Cmd) only("CMD   [ ]")).command()).isEqualTo(new Command.ExecForm(List.of()));
        assertThat(((Cmd) only("CMD [\"unterminated\"")).command()).isEqualTo(new Command.ShellForm("[\"unterminated\""));
        assertThat(((Cmd) only("CMD ['single']")).command()).isEqualTo(new Command.ShellForm("['single']"));
        assertThat(((Cmd) only("CMD [\"a\"] trailing")).command()).isEqualTo(new Command.ShellForm("[\"a\"] trailing"));
        assertThat(((Cmd) only("CMD [\"\\u00e9\\n\"]")).command()).isEqualTo(new Command.ExecForm(List.of("\u00e9\n")));
        assertThat(((Volume) only("VOLUME [\"/a\", \"/b c\"]")).paths()).containsExactly("/a", "/b c");
        assertThat(((Volume) only("VOLUME /a /b")).paths()).containsExactly("/a", "/b");
        assertThat(((Copy) only("COPY [\"a b\", \"/dst\"]")).sources()).containsExactly("a b");
    }

    @Test
    void readsHeredocs() {
        Dockerfile df = parse("""
                FROM busybox
                RUN <<EOF
                echo $HOME
                EOF
                RUN <<-"END" cat >/x && cat <<'TWO' >/y
                \t\tindented
                \tEND
                second
                TWO
                COPY <<conf 3<<'raw' /etc/
                a=$A
                conf
                b=$B
                raw
                CMD done
                """);
        List<Instruction> in = df.stages().get(0).instructions();
        Run first = (Run) in.get(0);
        assertThat(first.command()).isEqualTo(new Command.ShellForm("<<EOF"));
        assertThat(first.heredocs()).containsExactly(new Heredoc("EOF", "echo $HOME\n", true, false, 0));
        assertThat(first.origin().endLine()).isEqualTo(4);

        Run two = (Run) in.get(1);
        assertThat(two.heredocs()).containsExactly(
                new Heredoc("END", "\t\tindented\n", false, true, 0),
                new Heredoc("TWO", "second\n", false, false, 0));
        assertThat(two.heredocs().get(0).text()).isEqualTo("indented\n");

        Copy copy = (Copy) in.get(2);
        assertThat(copy.sources()).isEmpty();
        assertThat(copy.heredocSources()).containsExactly(
                new Heredoc("conf", "a=$A\n", true, false, 0),
                new Heredoc("raw", "b=$B\n", false, false, 3));
        assertThat(copy.destination()).isEqualTo("/etc/");
        assertThat(in.get(3).origin().startLine()).isEqualTo(15);
    }

    @Test
    void heredocsOnlyWhereDockerReadsThem() {
        assertThat(((Run) only("RUN [\"cat\", \"<<EOF\"]")).heredocs()).isEmpty();
        assertThat(((Run) only("RUN echo '<<EOF'")).heredocs()).isEmpty();
        Cmd cmd = (Cmd) parse("FROM busybox\nCMD cat <<EOF\nRUN true\n").stages().get(0).instructions().get(0);
        assertThat(cmd.command()).isEqualTo(new Command.ShellForm("cat <<EOF"));
    }

    @Test
    void onbuildWrapsItsTriggerAndKeepsTheExpressionDockerStores() {
        Onbuild onbuild = (Onbuild) only("ONBUILD RUN <<EOF\necho hi\nEOF");
        assertThat(onbuild.expression()).isEqualTo("RUN <<EOF\necho hi\nEOF");
        Run trigger = (Run) onbuild.trigger();
        assertThat(trigger.heredocs()).containsExactly(new Heredoc("EOF", "echo hi\n", true, false, 0));

        Onbuild copy = (Onbuild) only("onbuild  copy --chown=1:1 . /app");
        assertThat(copy.expression()).isEqualTo("copy --chown=1:1 . /app");
        assertThat(((Copy) copy.trigger()).chown()).contains("1:1");
        Copy again = (Copy) Dockerfile.parseTrigger(copy.expression(), "base image");
        assertThat(again.chown()).contains("1:1");
        assertThat(again.origin().original()).isEqualTo("copy --chown=1:1 . /app");
    }
}
