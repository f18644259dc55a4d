package dev.strata.core.runtime.conmon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import dev.strata.core.runtime.BusyboxBundles;
import dev.strata.core.runtime.OciRuntimeException;
import dev.strata.core.runtime.Runc;
import dev.strata.core.runtime.RuntimeSandbox;
import dev.strata.core.runtime.RuntimeStatus;
import dev.strata.core.sys.Processes;
import dev.strata.core.sys.Signals;
import dev.strata.core.sys.WindowSize;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class ConmonTest {
    @TempDir
    static Path shared;

    static BusyboxBundles bundles;

    @TempDir
    Path dir;

    RuntimeSandbox sandbox;
    Runc runc;
    Conmon conmon;

    @BeforeAll
    static void makeRootfs() throws Exception {
        bundles = BusyboxBundles.create(shared);
    }

    @BeforeEach
    void makeSandbox() {
        sandbox = new RuntimeSandbox(dir.resolve("runc"));
        runc = sandbox.runc();
        conmon = new Conmon(BusyboxBundles.CONMON, BusyboxBundles.RUNC, runc.stateRoot());
    }

    @AfterEach
    void cleanUp() throws Exception {
        sandbox.close();
    }

    @Test
    void aDetachedContainersLogHoldsBothStreamsAndItsExitCodeIsZero() throws Exception {
        MonitoredContainer container = create(dir, false, false, List.of(),
                "sh", "-c", "echo hi; echo err >&2; echo two");
        assertThat(runc.state(container.id()).orElseThrow().status()).isEqualTo(RuntimeStatus.CREATED);
        assertThat(runc.state(container.id()).orElseThrow().pid()).isEqualTo(container.pid());
        assertThat(conmon.exitCode(container.files())).isEmpty();

        runc.start(container.id());

        assertThat(awaitExit(container.files())).hasValue(0);
        Path log = container.files().log();
        assertThat(logs(log, LogOptions.all())).isEqualTo(new Output("hi\ntwo\n", "err\n"));
        Output stamped = logs(log, LogOptions.all().withTimestamps(true));
        assertThat(stamped.out()).matches("(\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z (hi|two)\n){2}");
        assertThat(stamped.err()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{9}Z err\n");
    }

    @Test
    void theExitCodeIsTheContainersOwnAndTheTailOfItsLogTheLastLines() throws Exception {
        MonitoredContainer container = create(dir, false, false, List.of(),
                "sh", "-c", "echo one; echo two; echo three; exit 3");

        runc.start(container.id());

        assertThat(awaitExit(container.files())).hasValue(3);
        assertThat(logs(container.files().log(), LogOptions.all().withTail(2)).out()).isEqualTo("two\nthree\n");
    }

    @Test
    void aContainerKilledBySignalNExitsWith128PlusN() throws Exception {
        MonitoredContainer container = create(dir, false, false, List.of(), "sleep", "1000");
        runc.start(container.id());

        runc.kill(container.id(), Signals.SIGKILL);

        assertThat(awaitExit(container.files())).hasValue(128 + Signals.SIGKILL);
        assertThat(RuntimeSandbox.awaitEnd(container.conmonPid())).isTrue();
        assertThat(conmon.isMonitoring(container.files())).isFalse();
    }

    @Test
    void theContainerOutlivesTheJvmThatCreatedItAndItsExitCodeStillLands() throws Exception {
        String id = sandbox.track(BusyboxBundles.uniqueId("strata-forget"));
        // as PID 1, sh gets only the signals it handles: TERM ends it with a code of its own
        Path bundle = bundles.bundle(dir.resolve(id).resolve("bundle"), false,
                "sh", "-c", "trap 'exit 42' TERM; while :; do sleep 0.1; done");
        Path userdata = dir.resolve(id).resolve("userdata");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process creator = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), ForgetfulCreator.class.getName(),
                BusyboxBundles.CONMON.toString(), BusyboxBundles.RUNC.toString(), runc.stateRoot().toString(),
                id, bundle.toString(), userdata.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String[] printed = new String(creator.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip().split(" ");
        assertThat(creator.waitFor()).isZero();
        int conmonPid = Integer.parseInt(printed[0]);
        sandbox.trackMonitor(conmonPid);
        ConmonFiles files = new ConmonFiles(bundle, userdata);

        assertThat(runc.state(id).orElseThrow().status()).isEqualTo(RuntimeStatus.RUNNING);
        assertThat(conmon.conmonPid(files)).hasValue(conmonPid);
        assertThat(conmon.isMonitoring(files)).isTrue();
        Processes.ProcessStat stat = Processes.stat(conmonPid).orElseThrow();
        assertThat(stat.sessionId()).as("conmon leads a session of its own").isEqualTo(conmonPid);
        assertThat(stat.parentPid()).isNotIn((int) creator.pid(), (int) ProcessHandle.current().pid());

        runc.kill(id, Signals.SIGTERM);

        assertThat(awaitExit(files)).hasValue(42);
    }

    @Test
    void attachStreamsStdoutAndStderrApartAndForwardsStdin() throws Exception {
        MonitoredContainer container = create(dir, false, true, List.of(),
                "sh", "-c", "cat; echo done; echo to-err >&2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        try (Attachment attachment = conmon.attach(container.files(), true)) {
            Thread pump = Thread.ofPlatform().start(() -> pump(attachment,
                    new ByteArrayInputStream("hello\nworld\n".getBytes(StandardCharsets.UTF_8)), out, err));
            runc.start(container.id());
            awaitEnd(pump);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("hello\nworld\ndone\n");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("to-err\n");
        assertThat(awaitExit(container.files())).hasValue(0);
    }

    @Test
    void attachWithATerminalGetsOutputAndResizesReachTheContainer() throws Exception {
        String script = awaitSize("40 100") + "echo \"size=$(stty size) tty=$(tty)\"; read line; "
                + awaitSize("50 120") + "echo \"got=$line size=$(stty size)\"";
        MonitoredContainer container = create(dir, true, true, List.of(), "sh", "-c", script);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream stdin = new PipedInputStream(keyboard);

        conmon.resize(container.files(), new WindowSize(40, 100));
        try (Attachment attachment = conmon.attach(container.files(), true)) {
            Thread pump = Thread.ofPlatform().start(() -> pump(attachment, stdin, out, err));
            runc.start(container.id());
            awaitOutput(out, "size=40 100 tty=/dev/pts/");
            conmon.resize(container.files(), new WindowSize(50, 120));
            keyboard.write("go\n".getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
            awaitEnd(pump);
            keyboard.close();
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).contains("got=go size=50 120\r\n");
        assertThat(err.size()).as("a terminal has one stream").isZero();
        assertThat(awaitExit(container.files())).hasValue(0);
    }

    @Test
    void attachWorksHoweverDeepTheContainersDirectoryIs() throws Exception {
        Path deep = dir;
        while (deep.toString().length() < 160) {
            deep = deep.resolve("a-store-root-deep-in-the-tree");
        }
        MonitoredContainer container = create(deep, false, false, List.of(), "sh", "-c", "echo from-the-deep");
        assertThat(container.files().attachSocket().toString().length()).isGreaterThan(108);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        try (Attachment attachment = conmon.attach(container.files(), false)) {
            Thread pump = Thread.ofPlatform().start(() -> pump(attachment, null, out, new ByteArrayOutputStream()));
            runc.start(container.id());
            awaitEnd(pump);
        }

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("from-the-deep\n");
    }

    @Test
    void theExitCommandRunsWhenTheContainerHasEnded() throws Exception {
        Path marker = dir.resolve("exited");
        MonitoredContainer container = create(dir, false, false,
                List.of("/bin/sh", "-c", "echo \"$0 $1\" > " + marker, "cleanup", "now"), "sh", "-c", "exit 4");

        runc.start(container.id());

        assertThat(awaitExit(container.files())).hasValue(4);
        assertThat(RuntimeSandbox.awaitEnd(container.conmonPid())).isTrue();
        assertThat(marker).hasContent("cleanup now\n");
    }

    @Test
    void createReportsTheRuntimesOwnWords() {
        assertThatThrownBy(() -> create(dir, false, false, List.of(), "/no/such/program"))
                .isInstanceOf(OciRuntimeException.class)
                .hasMessageStartingWith("cannot create container strata-conmon-")
                .hasMessageContaining("/no/such/program");
    }

    @Test
    void aMissingConmonIsASystemErrorNamingItAndItsPackage() {
        Conmon missing = new Conmon(dir.resolve("no-conmon"), BusyboxBundles.RUNC, runc.stateRoot());
        assertThatThrownBy(() -> missing.create(new CreateRequest("strata-conmon-missing", "missing",
                        dir.resolve("bundle"), dir.resolve("userdata"), false, false, List.of())))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.SYSTEM))
                .hasMessageContaining("cannot create container strata-conmon-missing")
                .hasMessageContaining(dir.resolve("no-conmon").toString())
                .hasMessageContaining("Debian package conmon");
    }

    @Test
    void anEndedContainerCanBeNeitherAttachedNorResized() throws Exception {
        MonitoredContainer container = create(dir, false, false, List.of(), "true");
        runc.start(container.id());
        assertThat(awaitExit(container.files())).hasValue(0);
        assertThat(RuntimeSandbox.awaitEnd(container.conmonPid())).isTrue();

        assertThatThrownBy(() -> conmon.attach(container.files(), false))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
        assertThatThrownBy(() -> conmon.resize(container.files(), new WindowSize(24, 80)))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT));
    }

    @Test
    void recreatingInTheSameDirectoryForgetsTheOldExitCodeAndAppendsToTheLog() throws Exception {
        MonitoredContainer first = create(dir, false, false, List.of(), "sh", "-c", "echo run; exit 3");
        runc.start(first.id());
        assertThat(awaitExit(first.files())).hasValue(3);
        runc.delete(first.id(), false);

        MonitoredContainer second = conmon.create(new CreateRequest(first.id(), "again", first.files().bundle(),
                first.files().dir(), false, false, List.of()));
        sandbox.trackMonitor(second.conmonPid());
        assertThat(conmon.exitCode(second.files())).isEmpty();
        runc.start(second.id());

        // the same bundle runs the same command again: the code is the second run's, the log holds both runs
        assertThat(awaitExit(second.files())).hasValue(3);
        assertThat(logs(second.files().log(), LogOptions.all()).out()).isEqualTo("run\nrun\n");
    }

    /** The exit code, waiting a bounded while so that a broken container fails the test instead of hanging it. */
    private OptionalInt awaitExit(ConmonFiles files) throws InterruptedException {
        OptionalInt code = conmon.awaitExitCode(files, Duration.ofSeconds(60));
        assertThat(code).as("exit code of " + files.dir()).isPresent();
        return code;
    }

    @Test
    void awaitingWithATimeoutGivesUpWhileTheContainerRuns() throws Exception {
        MonitoredContainer container = create(dir, false, false, List.of(), "sleep", "1000");
        runc.start(container.id());

        assertThat(conmon.awaitExitCode(container.files(), Duration.ofMillis(50))).isEmpty();
        assertThat(conmon.isMonitoring(container.files())).isTrue();
    }

    private MonitoredContainer create(Path parent, boolean terminal, boolean stdin, List<String> exitCommand,
            String... args) throws Exception {
        String id = sandbox.track(BusyboxBundles.uniqueId("strata-conmon"));
        Path bundle = bundles.bundle(parent.resolve(id).resolve("bundle"), terminal, args);
        MonitoredContainer container = conmon.create(
                new CreateRequest(id, id, bundle, parent.resolve(id).resolve("userdata"), terminal, stdin, exitCommand));
        sandbox.trackMonitor(container.conmonPid());
        return container;
    }

    /** A shell loop waiting (at most 30 s) until the terminal has the given size. */
    private static String awaitSize(String size) {
        return "i=0; while [ \"$(stty size)\" != \"" + size + "\" ] && [ $i -lt 300 ]; do sleep 0.1; i=$((i+1)); done; ";
    }

    private static void pump(Attachment attachment, InputStream in, ByteArrayOutputStream out,
            ByteArrayOutputStream err) {
        try {
            attachment.pump(in, out, err);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitEnd(Thread pump) throws InterruptedException {
        assertThat(pump.join(Duration.ofSeconds(60))).as("the attachment ended with the container").isTrue();
    }

    private static void awaitOutput(ByteArrayOutputStream out, String expected) throws InterruptedException {
        for (int i = 0; i < 3000 && !out.toString(StandardCharsets.UTF_8).contains(expected); i++) {
            Thread.sleep(10);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(expected);
    }

    private static Output logs(Path log, LogOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ContainerLogs.read(log, options, () -> false, out, err);
        return new Output(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Output(String out, String err) {}
}
