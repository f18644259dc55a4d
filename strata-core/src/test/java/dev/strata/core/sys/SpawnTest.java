package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.sys.SpawnRequest.Output;
import dev.strata.core.sys.SpawnedProcess.Outputs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpawnTest {
    private static final String SH = "/bin/sh";
    /** The shell's descriptors, listed by a child of its own: ls's open directory is not among them. */
    private static final String LIST_FDS = "ls /proc/$$/fd";

    @TempDir
    Path dir;

    @Test
    void theExitCodeIsTheChildsOwn() throws IOException {
        assertThat(exitOf("exit 0")).isZero();
        assertThat(exitOf("exit 3")).isEqualTo(3);
        assertThat(exitOf("exit 255")).isEqualTo(255);
    }

    @Test
    void aChildEndedBySignalNExitsWith128PlusN() throws IOException {
        assertThat(exitOf("kill -TERM $$")).isEqualTo(128 + 15);
        assertThat(exitOf("kill -KILL $$")).isEqualTo(128 + 9);
    }

    @Test
    void stdoutAndStderrArriveApart() throws IOException {
        try (SpawnedProcess process = Spawn.start(sh("echo out; echo err >&2; echo out2"))) {
            Outputs outputs = process.readStdoutAndStderr();
            assertThat(text(outputs.stdout())).isEqualTo("out\nout2\n");
            assertThat(text(outputs.stderr())).isEqualTo("err\n");
            assertThat(process.waitFor()).isZero();
        }
    }

    @Test
    void stderrToStdoutMergesThemInOrder() throws IOException {
        try (SpawnedProcess process = Spawn.start(sh("echo one; echo two >&2; echo three").withStderr(Output.STDOUT))) {
            assertThat(text(process.stdout().readAllBytes())).isEqualTo("one\ntwo\nthree\n");
            assertThatThrownBy(process::stderr).isInstanceOf(IllegalStateException.class);
            assertThat(process.waitFor()).isZero();
        }
    }

    @Test
    void discardedOutputGoesNowhereAndStdinDefaultsToEndOfFile() throws IOException {
        try (SpawnedProcess process = Spawn.start(sh("cat; echo lost; echo err >&2").withStdout(Output.DISCARD))) {
            Outputs outputs = process.readStdoutAndStderr();
            assertThat(outputs.stdout()).isEmpty();
            assertThat(text(outputs.stderr())).isEqualTo("err\n");
            assertThat(process.waitFor()).isZero();
        }
    }

    @Test
    void theChildGetsExactlyTheGivenEnvironmentAndWorkingDirectory() throws IOException {
        SpawnRequest request = SpawnRequest.of(List.of("/usr/bin/env"))
                .withEnvironment(Map.of("ONE", "1", "TWO", "two words")).inDirectory(dir);
        try (SpawnedProcess process = Spawn.start(request)) {
            assertThat(text(process.stdout().readAllBytes()).lines()).containsExactlyInAnyOrder("ONE=1", "TWO=two words");
            assertThat(process.waitFor()).isZero();
        }
        try (SpawnedProcess process = Spawn.start(SpawnRequest.of(List.of("/bin/pwd")).inDirectory(dir))) {
            assertThat(text(process.stdout().readAllBytes()).strip()).isEqualTo(dir.toRealPath().toString());
            assertThat(process.waitFor()).isZero();
        }
    }

    @Test
    void aBareProgramNameIsLookedUpOnThePath() throws IOException {
        try (SpawnedProcess process = Spawn.start(SpawnRequest.of(List.of("echo", "found")))) {
            assertThat(text(process.stdout().readAllBytes())).isEqualTo("found\n");
            assertThat(process.waitFor()).isZero();
        }
    }

    @Test
    void theChildHasOnlyTheDescriptorsItWasGiven() throws Exception {
        // this JVM holds many descriptors without close-on-exec (jars, and this test's open file)
        try (InputStream held = Files.newInputStream(Files.writeString(dir.resolve("held"), "x"))) {
            assertThat(descriptorsOf(sh(LIST_FDS))).containsExactly(0, 1, 2);
            assertThat(descriptorsOf(sh(LIST_FDS).withDescriptor(3, Output.STDOUT).withDescriptor(5, Output.PIPE)))
                    .containsExactly(0, 1, 2, 3, 5);
        }
    }

    @Test
    void anExtraDescriptorIsStdoutsPipeOrOneOfItsOwn() throws IOException {
        SpawnRequest request = sh("echo sync >&3; echo own >&4; echo out").withDescriptor(3, Output.STDOUT)
                .withDescriptor(4, Output.PIPE);
        try (SpawnedProcess process = Spawn.start(request)) {
            assertThat(text(process.output(4).readAllBytes())).isEqualTo("own\n");
            assertThat(text(process.stdout().readAllBytes())).isEqualTo("sync\nout\n");
            assertThat(process.waitFor()).isZero();
        }
    }

    @Test
    void aMebibyteOnEachPipeDoesNotDeadlock() throws IOException {
        // each side fills its 64 KiB pipe many times over while the other waits to be read
        String script = "head -c 1048576 /dev/zero; head -c 1048576 /dev/zero >&2; head -c 1048576 /dev/zero";
        try (SpawnedProcess process = Spawn.start(sh(script))) {
            Outputs outputs = process.readStdoutAndStderr();
            assertThat(outputs.stdout()).hasSize(2 * 1048576);
            assertThat(outputs.stderr()).hasSize(1048576);
            assertThat(process.waitFor()).isZero();
        }
    }

    @Test
    void aMissingProgramIsAnIOExceptionNamingItAndWhy() {
        assertThatThrownBy(() -> Spawn.start(SpawnRequest.of(List.of("/nonexistent/program", "x"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Cannot run program \"/nonexistent/program\"")
                .hasMessageContaining("error=2, No such file or directory");
        assertThatThrownBy(() -> Spawn.start(SpawnRequest.of(List.of("no-such-program-strata"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("\"no-such-program-strata\"")
                .hasMessageContaining("error=2");
    }

    @Test
    void aFileThatIsNotExecutableIsAnIOExceptionSayingPermissionDenied() throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "#!/bin/sh\necho hi\n");
        assertThatThrownBy(() -> Spawn.start(SpawnRequest.of(List.of(script.toString()))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining(script.toString())
                .hasMessageContaining("error=13, Permission denied");
    }

    @Test
    void aMissingWorkingDirectoryIsAnIOExceptionNamingIt() {
        Path missing = dir.resolve("missing");
        assertThatThrownBy(() -> Spawn.start(SpawnRequest.of(List.of("/bin/true")).inDirectory(missing)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("(in directory \"" + missing + "\")")
                .hasMessageContaining("error=2");
    }

    @Test
    void noZombieIsLeftAfterWaitingOrDestroyingOrClosing() throws IOException {
        SpawnedProcess waited = Spawn.start(sh("exit 0"));
        waited.waitFor();
        assertThat(Path.of("/proc", Integer.toString(waited.pid()))).doesNotExist();
        waited.close();

        SpawnedProcess destroyed = Spawn.start(sh("sleep 60"));
        destroyed.destroy();
        assertThat(destroyed.waitFor()).isEqualTo(128 + 9);
        assertThat(Path.of("/proc", Integer.toString(destroyed.pid()))).doesNotExist();
        destroyed.close();

        SpawnedProcess abandoned = Spawn.start(sh("sleep 60"));
        abandoned.close(); // as a caller that failed midway leaves it
        assertThat(Path.of("/proc", Integer.toString(abandoned.pid()))).doesNotExist();
    }

    @Test
    void theChildsSignalsAreAsTheJdksChildGetsThem() throws Exception {
        // cat handles no signal itself: what it shows is what it was given
        List<String> command = List.of("/bin/cat", "/proc/self/status");
        String spawned;
        try (SpawnedProcess process = Spawn.start(SpawnRequest.of(command))) {
            spawned = text(process.stdout().readAllBytes());
            assertThat(process.waitFor()).isZero();
        }
        Process jdk = new ProcessBuilder(command).start();
        String started = text(jdk.getInputStream().readAllBytes());
        assertThat(jdk.waitFor()).isZero();

        assertThat(signalLines(spawned)).contains("SigBlk:\t0000000000000000").isEqualTo(signalLines(started));
    }

    private static List<String> signalLines(String status) {
        return status.lines().filter(line -> line.matches("Sig(Blk|Ign|Cgt):.*")).toList();
    }

    private static int exitOf(String script) throws IOException {
        try (SpawnedProcess process = Spawn.start(sh(script).withStdout(Output.DISCARD).withStderr(Output.DISCARD))) {
            return process.waitFor();
        }
    }

    private static List<Integer> descriptorsOf(SpawnRequest request) throws IOException {
        try (SpawnedProcess process = Spawn.start(request)) {
            String listing = text(process.stdout().readAllBytes());
            assertThat(process.waitFor()).isZero();
            return Arrays.stream(listing.split("\\s+")).filter(s -> !s.isEmpty()).map(Integer::valueOf).sorted()
                    .toList();
        }
    }

    private static SpawnRequest sh(String script) {
        return SpawnRequest.of(List.of(SH, "-c", script));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
