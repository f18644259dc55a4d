package dev.strata.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import dev.strata.core.sys.Processes;
import dev.strata.core.sys.Signals;
import java.io.File;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class RuncTest {
    @TempDir
    static Path shared;

    static BusyboxBundles bundles;

    @TempDir
    Path dir;

    RuntimeSandbox sandbox;
    Runc runc;

    @BeforeAll
    static void makeRootfs() throws Exception {
        bundles = BusyboxBundles.create(shared);
    }

    @BeforeEach
    void makeSandbox() {
        sandbox = new RuntimeSandbox(dir.resolve("runc"));
        runc = sandbox.runc();
    }

    @AfterEach
    void cleanUp() throws Exception {
        sandbox.close();
    }

    @Test
    void walksTheLifecycleCreatedRunningPausedStoppedDeleted() throws Exception {
        String id = create("sleep", "1000");

        RuntimeState created = runc.state(id).orElseThrow();
        assertThat(created.status()).isEqualTo(RuntimeStatus.CREATED);
        assertThat(created.pid()).isPositive();
        assertThat(created.bundle()).isEqualTo(dir.resolve(id));

        runc.start(id);
        assertThat(runc.state(id).orElseThrow().status()).isEqualTo(RuntimeStatus.RUNNING);
        assertThat(runc.processes(id)).containsExactly(created.pid());

        runc.pause(id);
        assertThat(runc.state(id).orElseThrow().status()).isEqualTo(RuntimeStatus.PAUSED);
        assertThat(Processes.stat(created.pid()).orElseThrow().state()).isIn('D', 'S', 'T');
        runc.resume(id);
        assertThat(runc.state(id).orElseThrow().status()).isEqualTo(RuntimeStatus.RUNNING);

        runc.kill(id, Signals.SIGKILL);
        RuntimeState stopped = sandbox.awaitStatus(id, RuntimeStatus.STOPPED);
        assertThat(stopped.pid()).isZero();
        assertThat(runc.processes(id)).isEmpty();

        runc.delete(id, false);
        assertThat(runc.state(id)).isEmpty();
    }

    @Test
    void refusalsCarryTheirKind() throws Exception {
        assertThat(runc.state("strata-test-unknown")).isEmpty();
        assertThatThrownBy(() -> runc.start("strata-test-unknown"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("cannot start container strata-test-unknown: container does not exist");

        String id = create("true");
        runc.start(id);
        sandbox.awaitStatus(id, RuntimeStatus.STOPPED);

        assertThatThrownBy(() -> runc.start(id))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
        assertThatThrownBy(() -> runc.kill(id, Signals.SIGTERM))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
        assertThatThrownBy(() -> runc.kill(id, 0))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT));
    }

    @Test
    void deleteWithForceKillsARunningContainer() throws Exception {
        String id = create("sleep", "1000");
        runc.start(id);
        int pid = runc.state(id).orElseThrow().pid();

        assertThatThrownBy(() -> runc.delete(id, false)).isInstanceOf(OciRuntimeException.class);
        runc.delete(id, true);

        assertThat(runc.state(id)).isEmpty();
        assertThat(RuntimeSandbox.awaitEnd(pid)).isTrue();
    }

    @Test
    void execInTheForegroundGivesOutputAndTheProcessesExitCode() throws Exception {
        String id = create("sleep", "1000");
        runc.start(id);
        Path process = BusyboxBundles.process(dir.resolve("p.json"), false,
                "sh", "-c", "read line; echo \"got $line\"; echo oops >&2; exit 7");

        Process exec = runc.exec(id, process, Stdio.pipes());
        exec.getOutputStream().write("hello\n".getBytes(StandardCharsets.UTF_8));
        exec.getOutputStream().close();

        assertThat(new String(exec.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("got hello\n");
        assertThat(new String(exec.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("oops\n");
        assertThat(exec.waitFor()).isEqualTo(7);
    }

    @Test
    void execWithATerminalRunsOnAPseudoTerminalTheRuntimeRelays() throws Exception {
        String id = create("sleep", "1000");
        runc.start(id);
        Path process = BusyboxBundles.process(dir.resolve("p.json"), true, "sh", "-c", "tty; exit 3");

        // runc relays only for a caller on a terminal: script(1) plays the user's terminal
        String command = String.join(" ", runc.execCommand(id, process));
        Process exec = new ProcessBuilder("script", "--quiet", "--return", "--command", command, "/dev/null")
                .redirectInput(Redirect.from(new File("/dev/null"))).start();

        assertThat(new String(exec.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("/dev/pts/");
        assertThat(exec.waitFor()).isEqualTo(3);
    }

    @Test
    void execEndedByASignalExitsWith128PlusItsNumber() throws Exception {
        String id = create("sleep", "1000");
        runc.start(id);
        Path process = BusyboxBundles.process(dir.resolve("p.json"), false, "sh", "-c", "kill -9 $$");

        assertThat(runc.exec(id, process, Stdio.pipes()).waitFor()).isEqualTo(128 + Signals.SIGKILL);
    }

    @Test
    void execDetachedReturnsThePidOfAProcessThatGoesOnRunning() throws Exception {
        String id = create("sleep", "1000");
        runc.start(id);
        Path process = BusyboxBundles.process(dir.resolve("p.json"), false, "sleep", "999");

        int pid = runc.execDetached(id, process);

        assertThat(runc.processes(id)).contains(pid);
        assertThat(Files.readString(Path.of("/proc", Integer.toString(pid), "cmdline"))).isEqualTo("sleep\0" + "999\0");
        assertThat(Processes.isRunning(pid)).isTrue();
    }

    @Test
    void execDetachedRefusesATerminalAndReportsRuntimeFailures() throws Exception {
        String id = create("sleep", "1000");
        runc.start(id);

        assertThatThrownBy(() -> runc.execDetached(id, BusyboxBundles.process(dir.resolve("t.json"), true, "sh")))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNSUPPORTED));
        assertThatThrownBy(() -> runc.execDetached(id, BusyboxBundles.process(dir.resolve("n.json"), false, "/nope")))
                .isInstanceOf(OciRuntimeException.class)
                .hasMessageContaining("cannot exec in container " + id)
                .hasMessageContaining("/nope");
    }

    /** Creates a container with `runc create` directly, its stdio on /dev/null: no monitor needed here. */
    private String create(String... args) throws Exception {
        String id = sandbox.track(BusyboxBundles.uniqueId("strata-runc"));
        Path bundle = bundles.bundle(dir.resolve(id), false, args);
        Process create = new ProcessBuilder(runc.binary().toString(), "--root", runc.stateRoot().toString(),
                "create", "--bundle", bundle.toString(), id)
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectOutput(Redirect.DISCARD)
                .redirectError(dir.resolve(id + ".err").toFile())
                .start();
        assertThat(create.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(create.exitValue()).as(Files.readString(dir.resolve(id + ".err"))).isZero();
        return id;
    }
}
