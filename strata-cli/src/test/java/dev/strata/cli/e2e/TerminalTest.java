package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On a real pseudo-terminal (util-linux {@code script}), save and load refuse what Docker refuses. */
class TerminalTest {
    @TempDir
    Path dir;

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    private record Run(int exitCode, String output) {}

    private Run onTerminal(Path root, String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.strata.cli.Main", "--root", root.toString()));
        command.addAll(List.of(args));
        String line = command.stream().map(TerminalTest::quote).collect(Collectors.joining(" "));
        Process p = new ProcessBuilder("script", "-qec", line, "/dev/null").redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void saveRefusesToWriteToATerminalAndLoadToReadOne() throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("root"));
        strata.ok("import", TestImages.filesTar(dir, "t.tar", Map.of("f", "x")).toString(), "tty:1");
        Run save = onTerminal(strata.root(), "save", "tty:1");
        assertThat(save.exitCode()).isEqualTo(1);
        assertThat(save.output()).contains("cowardly refusing to save to a terminal. Use the -o flag or redirect");
        Run load = onTerminal(strata.root(), "load");
        assertThat(load.exitCode()).isEqualTo(1);
        assertThat(load.output()).contains("requested load from stdin, but stdin is empty");
    }
}
