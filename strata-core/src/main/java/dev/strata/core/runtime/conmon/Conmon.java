package dev.strata.core.runtime.conmon;

import dev.strata.core.StrataException.Kind;
import dev.strata.core.runtime.OciRuntimeException;
import dev.strata.core.runtime.RuncErrors;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.Fifos;
import dev.strata.core.sys.Processes;
import dev.strata.core.sys.SeqPacketSocket;
import dev.strata.core.sys.Spawn;
import dev.strata.core.sys.SpawnRequest;
import dev.strata.core.sys.SpawnRequest.Output;
import dev.strata.core.sys.SpawnedProcess;
import dev.strata.core.sys.WindowSize;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Starts containers under conmon and talks to a running conmon through its files ({@link ConmonFiles}):
 * attach socket, control FIFO, exit file. Holds no state of its own, so any Strata process can pick up a
 * container another one created. Thread-safe.
 */
public final class Conmon {
    /**
     * The descriptor conmon gets its sync pipe on. It is the write end of the same pipe as conmon's stdout and
     * stderr, so that its complaints before the report arrive in order with it, read from one pipe. Conmon's first
     * process exits before its second one reports; the pipe is this JVM's own, read as long as needed.
     */
    private static final int SYNC_FD = 3;
    /** Inherited, these would make runc talk to the caller's systemd or take over its sockets. */
    private static final List<String> UNINHERITED_ENVIRONMENT =
            List.of("NOTIFY_SOCKET", "LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES");
    /**
     * How often the exit file is looked for: at first every millisecond, since a short command's exit is waited
     * for right after its output ended, then ever less often, up to every 20 ms for a container that runs on.
     */
    private static final long FIRST_EXIT_POLL_MILLIS = 1;
    private static final long EXIT_POLL_MILLIS = 20;

    private final Path conmonBinary;
    private final Path runtimeBinary;
    private final Path runtimeStateRoot;

    /**
     * @param conmonBinary the conmon executable ({@code /usr/bin/conmon})
     * @param runtimeBinary the OCI runtime conmon runs ({@code /usr/sbin/runc})
     * @param runtimeStateRoot the runtime's {@code --root}: the same one {@link dev.strata.core.runtime.Runc} uses
     */
    public Conmon(Path conmonBinary, Path runtimeBinary, Path runtimeStateRoot) {
        this.conmonBinary = Objects.requireNonNull(conmonBinary, "conmonBinary").toAbsolutePath();
        this.runtimeBinary = Objects.requireNonNull(runtimeBinary, "runtimeBinary").toAbsolutePath();
        this.runtimeStateRoot = Objects.requireNonNull(runtimeStateRoot, "runtimeStateRoot").toAbsolutePath();
    }

    /**
     * Runs conmon, which runs {@code runc create}; returns once the container is created (not started: start
     * it with the runtime, after attaching if its first output matters). Any exit file of an earlier run in
     * the same directory is removed first; the log is appended to.
     */
    public MonitoredContainer create(CreateRequest request) {
        ConmonFiles files = request.files();
        String action = "cannot create container " + request.id();
        try {
            Files.createDirectories(files.dir());
            for (Path stale : List.of(files.exitFile(), files.oomFile(), files.containerPidFile(), files.conmonPidFile())) {
                Files.deleteIfExists(stale);
            }
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.keySet().removeAll(UNINHERITED_ENVIRONMENT);
            environment.put("_OCI_SYNCPIPE", Integer.toString(SYNC_FD));
            SpawnRequest spawn = SpawnRequest.of(command(request)).withEnvironment(environment)
                    .inDirectory(files.dir()).withStderr(Output.STDOUT).withDescriptor(SYNC_FD, Output.STDOUT);
            SyncPipe report;
            int launcherExit;
            // closing reaps conmon's first process, killing it first if reading the report failed
            try (SpawnedProcess launcher = Spawn.start(spawn)) {
                report = SyncPipe.read(launcher.stdout());
                // the launcher is conmon's first process: it writes the conmon PID file, then exits
                launcherExit = launcher.waitFor();
            }
            if (!report.created()) {
                throw createFailure(action, report, launcherExit);
            }
            int conmonPid = readPid(files.conmonPidFile());
            return new MonitoredContainer(request.id(), files, conmonPid, report.value().orElseThrow());
        } catch (IOException e) {
            throw new OciRuntimeException(Kind.SYSTEM, action + ": " + e.getMessage()
                    + "; is conmon installed (Debian package conmon)?", e);
        }
    }

    /**
     * Connects to the container's attach socket. Attach before starting the container to miss none of its
     * output. {@code stdin} decides whether {@link Attachment#pump} forwards input; it reaches the container
     * only if it was created with {@code stdin}.
     */
    public Attachment attach(ConmonFiles files, boolean stdin) {
        try {
            return new Attachment(SeqPacketSocket.connect(files.attachSocket()), stdin);
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOENT || e.errno() == ErrnoException.ECONNREFUSED) {
                throw new OciRuntimeException(Kind.CONFLICT,
                        "cannot attach to the container: it is not running (" + files.dir() + ")", e);
            }
            throw new OciRuntimeException(Kind.SYSTEM, "cannot attach to the container: " + e.getMessage(), e);
        }
    }

    /** Sets the window size of the container's terminal; conmon applies it and the container gets SIGWINCH. */
    public void resize(ConmonFiles files, WindowSize size) {
        byte[] message = ("1 " + size.rows() + " " + size.columns() + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            Fifos.write(files.controlFifo(), message);
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENXIO || e.errno() == ErrnoException.ENOENT) {
                throw new OciRuntimeException(Kind.CONFLICT,
                        "cannot resize the container's terminal: the container is not running", e);
            }
            throw new OciRuntimeException(Kind.SYSTEM, "cannot resize the container's terminal: " + e.getMessage(), e);
        }
    }

    /** The container's exit code once it has ended and conmon has written it; empty before. */
    public OptionalInt exitCode(ConmonFiles files) {
        try {
            return OptionalInt.of(Integer.parseInt(Files.readString(files.exitFile()).strip()));
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            throw new OciRuntimeException(Kind.CORRUPT, "cannot read the exit code in " + files.exitFile() + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Waits until the container has ended and returns its exit code; empty when its conmon is gone without
     * writing one (killed, or never started).
     */
    public OptionalInt awaitExitCode(ConmonFiles files) throws InterruptedException {
        return awaitExitCode(files, Duration.ofNanos(Long.MAX_VALUE));
    }

    /**
     * Waits at most {@code timeout} for the container to end, as {@code stop} does before it kills; empty when
     * the time ran out (then {@link #isMonitoring} is still true) or conmon is gone without an exit code.
     */
    public OptionalInt awaitExitCode(ConmonFiles files, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        long pause = FIRST_EXIT_POLL_MILLIS;
        while (true) {
            OptionalInt code = exitCode(files);
            if (code.isPresent()) {
                return code;
            }
            if (!isMonitoring(files)) {
                return exitCode(files); // it may have written the file just before it ended
            }
            if (System.nanoTime() - start >= timeout.toNanos()) {
                return OptionalInt.empty();
            }
            Thread.sleep(pause);
            pause = Math.min(EXIT_POLL_MILLIS, pause * 2);
        }
    }

    /** Whether the conmon of this container is still running (it ends shortly after the container does). */
    public boolean isMonitoring(ConmonFiles files) {
        OptionalInt pid = conmonPid(files);
        return pid.isPresent() && Processes.isRunning(pid.getAsInt());
    }

    /** The PID of the container's conmon, from its PID file; empty before conmon has written one. */
    public OptionalInt conmonPid(ConmonFiles files) {
        try {
            return OptionalInt.of(readPid(files.conmonPidFile()));
        } catch (NoSuchFileException e) {
            return OptionalInt.empty();
        } catch (IOException e) {
            throw new OciRuntimeException(Kind.SYSTEM, "cannot read " + files.conmonPidFile() + ": " + e.getMessage(), e);
        }
    }

    private List<String> command(CreateRequest request) {
        ConmonFiles files = request.files();
        List<String> command = new ArrayList<>(List.of(conmonBinary.toString(),
                "--api-version",
                "--cid", request.id(),
                "--cuuid", request.id(),
                "--name", request.name(),
                "--runtime", runtimeBinary.toString(),
                "--runtime-arg=--root=" + runtimeStateRoot,
                "--bundle", files.bundle().toString(),
                "--container-pidfile", files.containerPidFile().toString(),
                "--conmon-pidfile", files.conmonPidFile().toString(),
                "--log-path", "k8s-file:" + files.log(),
                "--persist-dir", files.dir().toString(),
                // the socket is bound beside config.json through a descriptor of the bundle directory,
                // whatever its depth; without this, conmon would want a short symlink directory of its own
                "--full-attach"));
        if (request.terminal()) {
            command.add("--terminal");
        }
        if (request.stdin()) {
            command.add("--stdin");
        }
        if (!request.exitCommand().isEmpty()) {
            command.add("--exit-command");
            command.add(request.exitCommand().getFirst());
            for (String argument : request.exitCommand().subList(1, request.exitCommand().size())) {
                command.add("--exit-command-arg=" + argument);
            }
        }
        return command;
    }

    private static OciRuntimeException createFailure(String action, SyncPipe report, int launcherExit) {
        if (report.value().isPresent()) {
            String message = RuncErrors.text(report.message());
            if (message.isBlank()) {
                message = "the runtime failed without saying why";
            }
            return new OciRuntimeException(RuncErrors.kind(message) == Kind.NOT_FOUND ? Kind.SYSTEM : RuncErrors.kind(message),
                    action + ": " + message);
        }
        String said = report.diagnostics().isEmpty() ? "" : ": " + String.join("; ", report.diagnostics());
        return new OciRuntimeException(Kind.SYSTEM,
                action + ": conmon ended (status " + launcherExit + ") without reporting the container" + said);
    }

    private static int readPid(Path pidFile) throws IOException {
        String text = Files.readString(pidFile).strip();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IOException("not a PID in " + pidFile + ": " + text, e);
        }
    }
}
