package dev.strata.core.build.dockerfile;

import dev.strata.core.GoDuration;
import static dev.strata.core.build.dockerfile.DockerfileParserTest.only;
import static dev.strata.core.build.dockerfile.DockerfileParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstructionsTest {
    private static final Expander EXPANDER = new Expander('\\');

    @Test
    void from() {
        From plain = parse("FROM busybox:1.36").stages().get(0).from();
        assertThat(plain.image()).isEqualTo("busybox:1.36");
        assertThat(plain.stageName()).isEmpty();
        assertThat(plain.platform()).isEmpty();
        From named = parse("FROM --platform=linux/amd64 busybox as My-Stage.1").stages().get(0).from();
        assertThat(named.stageName()).contains("my-stage.1");
        assertThat(named.platform()).contains("linux/amd64");
        assertThat(parse("FROM ${BASE:-busybox}").stages().get(0).from().image()).isEqualTo("${BASE:-busybox}");
    }

    @Test
    void runCmdEntrypointShell() {
        Run run = (Run) only("RUN --mount=type=cache,target=/root/.cache --network=none --security=insecure make");
        assertThat(run.mounts()).containsExactly("type=cache,target=/root/.cache");
        assertThat(run.network()).isEqualTo("none");
        assertThat(run.security()).isEqualTo("insecure");
        assertThat(run.command()).isEqualTo(new Command.ShellForm("make"));
        Run defaults = (Run) only("RUN [\"make\", \"all\"]");
        assertThat(defaults.network()).isEqualTo("default");
        assertThat(defaults.security()).isEqualTo("sandbox");
        assertThat(defaults.command()).isEqualTo(new Command.ExecForm(List.of("make", "all")));

        assertThat(((Cmd) only("CMD echo $HOME")).command()).isEqualTo(new Command.ShellForm("echo $HOME"));
        assertThat(((Entrypoint) only("ENTRYPOINT []")).command()).isEqualTo(new Command.ExecForm(List.of()));
        assertThat(((Shell) only("SHELL [\"/bin/ash\", \"-eo\", \"pipefail\", \"-c\"]")).shell())
                .containsExactly("/bin/ash", "-eo", "pipefail", "-c");
        assertThat(new Command.ShellForm("echo hi").withShell(List.of("/bin/sh", "-c"))).containsExactly("/bin/sh", "-c", "echo hi");
        assertThat(new Command.ExecForm(List.of("a")).withShell(List.of("/bin/sh", "-c"))).containsExactly("a");
    }

    @Test
    void envInBothForms() {
        Env env = (Env) only("ENV A=1 B=\"two words\" C='$x' D=a\\ b");
        assertThat(env.variables()).containsExactly(new KeyValue("A", "1", false),
                new KeyValue("B", "\"two words\"", false), new KeyValue("C", "'$x'", false), new KeyValue("D", "a\\ b", false));
        assertThat(env.expand(EXPANDER, Map.of("x", "X")).variables()).extracting(KeyValue::toString)
                .containsExactly("A=1", "B=two words", "C=$x", "D=a b");

        Env legacy = (Env) only("ENV MYPATH /usr/local  and  \"more\"");
        assertThat(legacy.variables()).containsExactly(new KeyValue("MYPATH", "/usr/local  and  \"more\"", true));
        assertThat(legacy.expand(EXPANDER, Map.of()).variables().get(0).value()).isEqualTo("/usr/local  and  more");

        Env empty = (Env) only("ENV A= B=\"\"");
        assertThat(empty.expand(EXPANDER, Map.of()).variables()).extracting(KeyValue::toString).containsExactly("A=", "B=");
    }

    @Test
    void envPairsOfOneInstructionSeeTheEnvironmentFromBeforeIt() {
        Env env = (Env) only("ENV abc=bye def=$abc");
        assertThat(env.expand(EXPANDER, Map.of("abc", "hello")).variables()).extracting(KeyValue::toString)
                .containsExactly("abc=bye", "def=hello");
    }

    @Test
    void labelInBothForms() {
        Label label = (Label) only("LABEL \"com.example.vendor\"=\"ACME Inc\" version=1.0 multi.label1=\"value1\" \\\n  other=\"a \\\"b\\\"\"");
        assertThat(label.expand(EXPANDER, Map.of()).labels()).extracting(KeyValue::toString).containsExactly(
                "com.example.vendor=ACME Inc", "version=1.0", "multi.label1=value1", "other=a \"b\"");
        Label legacy = (Label) only("LABEL description This is my image");
        assertThat(legacy.labels()).containsExactly(new KeyValue("description", "This is my image", true));
    }

    @Test
    void maintainerUserWorkdirStopsignalKeepTheWholeRest() {
        assertThat(((Maintainer) only("MAINTAINER Jane Doe <jane@example.com>")).maintainer()).isEqualTo("Jane Doe <jane@example.com>");
        assertThat(((User) only("USER app:app")).user()).isEqualTo("app:app");
        assertThat(((Workdir) only("WORKDIR /my dir/$SUB")).expand(EXPANDER, Map.of("SUB", "x")).path()).isEqualTo("/my dir/x");
        assertThat(((Stopsignal) only("STOPSIGNAL SIGQUIT")).signal()).isEqualTo("SIGQUIT");
        assertThat(((User) only("USER ${U:-nobody}")).expand(EXPANDER, Map.of()).user()).isEqualTo("nobody");
    }

    @Test
    void exposeKeepsPortsAsWrittenAndSplitsExpandedOnes() {
        Expose expose = (Expose) only("EXPOSE 80 53/udp 8000-8010/tcp $MORE");
        assertThat(expose.ports()).containsExactly("80", "53/udp", "8000-8010/tcp", "$MORE");
        assertThat(expose.expand(EXPANDER, Map.of("MORE", "443 9000/udp")).ports())
                .containsExactly("80", "53/udp", "8000-8010/tcp", "443", "9000/udp");
    }

    @Test
    void addAndCopy() {
        Add add = (Add) only("ADD --chown=$U --chmod=644 --checksum=sha256:abc --keep-git-dir=false --link https://example.com/a.tgz /opt/");
        assertThat(add.sources()).containsExactly("https://example.com/a.tgz");
        assertThat(add.keepGitDir()).contains(false);
        assertThat(add.unpack()).isEmpty();
        assertThat(add.link()).isTrue();
        Add expanded = add.expand(EXPANDER, Map.of("U", "app"));
        assertThat(expanded.chown()).contains("app");
        assertThat(expanded.checksum()).contains("sha256:abc");

        Copy copy = (Copy) only("COPY --parents --exclude=*.md --exclude=*.txt $SRC \"/dst\"");
        assertThat(copy.parents()).isTrue();
        assertThat(copy.excludes()).containsExactly("*.md", "*.txt");
        Copy x = copy.expand(EXPANDER, Map.of("SRC", "src"));
        assertThat(x.sources()).containsExactly("src");
        assertThat(x.destination()).isEqualTo("/dst");
        // shell form splits at whitespace before quotes are read, so a quoted path with a space breaks, as in Docker
        Copy spaced = (Copy) only("COPY a \"/d st\"");
        assertThatThrownBy(() -> spaced.expand(EXPANDER, Map.of())).hasMessage(
                "Dockerfile:2: failed to process \"\\\"/d\": unexpected end of statement while looking for matching double-quote");
        assertThat(((Copy) only("COPY \\$FOO /quux")).expand(EXPANDER, Map.of("FOO", "x")).sources()).containsExactly("$FOO");
    }

    @Test
    void copyHeredocBodiesExpandUnlessTheNameIsQuoted() {
        Dockerfile df = parse("FROM busybox\nCOPY <<-a <<\"b\" /etc/\n\tv=$V\na\nv=$V\nb\n");
        Copy copy = ((Copy) df.stages().get(0).instructions().get(0)).expand(EXPANDER, Map.of("V", "1"));
        assertThat(copy.heredocSources()).extracting(Heredoc::text).containsExactly("v=1\n", "v=$V\n");
    }

    @Test
    void volume() {
        assertThat(((Volume) only("VOLUME /data $LOGS")).expand(EXPANDER, Map.of("LOGS", "/logs")).paths())
                .containsExactly("/data", "/logs");
        assertThat(((Volume) only("VOLUME [\" /padded \"]")).paths()).containsExactly("/padded");
    }

    @Test
    void argWithAndWithoutDefaults() {
        Arg arg = (Arg) only("ARG A B=2 C=\"x y\" D=");
        assertThat(arg.args()).containsExactly(new ArgDefinition("A", Optional.empty()),
                new ArgDefinition("B", Optional.of("2")), new ArgDefinition("C", Optional.of("\"x y\"")),
                new ArgDefinition("D", Optional.of("")));
    }

    @Test
    void healthcheck() {
        Healthcheck none = (Healthcheck) only("HEALTHCHECK none");
        assertThat(none.isNone()).isTrue();
        assertThat(none.test()).containsExactly("NONE");

        Healthcheck shell = (Healthcheck) only(
                "HEALTHCHECK --interval=1m30s --timeout=.5s --start-period=2h --start-interval=300ms --retries=3 \\\n  CMD wget -q -O- http://127.0.0.1/ || exit 1");
        assertThat(shell.test()).containsExactly("CMD-SHELL", "wget -q -O- http://127.0.0.1/ || exit 1");
        assertThat(shell.interval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(shell.timeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(shell.startPeriod()).isEqualTo(Duration.ofHours(2));
        assertThat(shell.startInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(shell.retries()).isEqualTo(3);

        Healthcheck exec = (Healthcheck) only("HEALTHCHECK cmd [\"/bin/check\", \"-v\"]");
        assertThat(exec.test()).containsExactly("CMD", "/bin/check", "-v");
        assertThat(exec.interval()).isEqualTo(Duration.ZERO);
        assertThat(exec.retries()).isZero();
    }

    @Test
    void goDurations() {
        assertThat(GoDuration.parse("0")).isEqualTo(Duration.ZERO);
        assertThat(GoDuration.parse("1h2m3.5s")).isEqualTo(Duration.ofSeconds(3723, 500_000_000));
        assertThat(GoDuration.parse("1.s")).isEqualTo(Duration.ofSeconds(1));
        assertThat(GoDuration.parse("10us")).isEqualTo(Duration.ofNanos(10_000));
        assertThat(GoDuration.parse("10\u00b5s")).isEqualTo(Duration.ofNanos(10_000));
        assertThat(GoDuration.parse("-2m")).isEqualTo(Duration.ofMinutes(-2));
    }
}
