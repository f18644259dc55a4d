package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** An attached {@code run} passes the signals it gets on to its container, as Docker's {@code --sig-proxy} does. */
@Tag("root")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails
class ContainerSignalTest extends ContainerTestCase {
    Process cli;

    @AfterEach
    void stopAndRemove() throws Exception {
        if (cli != null && cli.isAlive()) {
            cli.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        ContainerTests.removeAllAndCheckNothingIsLeft(strata, dir);
    }

    @Test
    void aSignalToRunReachesTheContainer() throws Exception {
        cli = strataProcess("run", "--name", "trapper", "busybox", "sh", "-c",
                "trap 'echo got term; exit 5' TERM; trap 'echo got hup' HUP; echo ready; while true; do sleep 0.1; done");
        BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8));
        assertThat(out.readLine()).isEqualTo("ready");

        cli.toHandle().destroy(); // SIGTERM
        assertThat(out.readLine()).isEqualTo("got term");

        assertThat(cli.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(cli.exitValue()).isEqualTo(5);
        assertThat(strata.ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "trapper").out()).isEqualTo("exited 5\n");
    }

    private Process strataProcess(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), "dev.strata.cli.Main", "--root", strata.root().toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
