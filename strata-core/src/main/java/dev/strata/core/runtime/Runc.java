package dev.strata.core.runtime;

import dev.strata.core.StrataException.Kind;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * runc, driven through its command line, with its state under one root directory ({@code runc --root}) so
 * that Strata's containers stay apart from anyone else's. Stateless and thread-safe: runc itself locks each
 * container's state.
 */
public final class Runc implements OciRuntime, ExecRuntime {
    private static final File DEV_NULL = new File("/dev/null");

    private final Path binary;
    private final Path stateRoot;

    /**
     * @param binary the runc executable, such as {@code /usr/sbin/runc}
     * @param stateRoot where runc keeps its state of each container; best on a tmpfs such as {@code /run},
     *     whose contents go with a reboot as the containers do
     */
    public Runc(Path binary, Path stateRoot) {
        this.binary = Objects.requireNonNull(binary, "binary").toAbsolutePath();
        this.stateRoot = Objects.requireNonNull(stateRoot, "stateRoot").toAbsolutePath();
    }

    public Path binary() {
        return binary;
    }

    public Path stateRoot() {
        return stateRoot;
    }

    /** The options every runc command needs before its subcommand; a monitor passes them on too. */
    public List<String> globalOptions() {
        return List.of("--root", stateRoot.toString());
    }

    @Override
    public Optional<RuntimeState> state(String id) {
        CommandResult result = run("state", id);
        if (result.exitCode() != 0) {
            String message = RuncErrors.text(result.stderr());
            if (RuncErrors.kind(message) == Kind.NOT_FOUND) {
                return Optional.empty();
            }
            throw failure("inspect", id, result);
        }
        return Optional.of(RuncOutput.state(id, result.stdout()));
    }

    @Override
    public void start(String id) {
        check("start", id, run("start", id));
    }

    @Override
    public void kill(String id, int signal) {
        if (signal < 1 || signal > 64) {
            throw new OciRuntimeException(Kind.INVALID_ARGUMENT, "cannot kill container " + id + ": no signal " + signal);
        }
        check("kill", id, run("kill", id, Integer.toString(signal)));
    }

    @Override
    public void delete(String id, boolean force) {
        check("delete", id, force ? run("delete", "--force", id) : run("delete", id));
    }

    @Override
    public void pause(String id) {
        check("pause", id, run("pause", id));
    }

    @Override
    public void resume(String id) {
        check("resume", id, run("resume", id));
    }

    @Override
    public List<Integer> processes(String id) {
        CommandResult result = check("list the processes of", id, run("ps", "--format", "json", id));
        return RuncOutput.pids(result.stdout());
    }

    @Override
    public Process exec(String id, Path process, Stdio stdio) {
        List<String> command = execCommand(id, process);
        try {
            return new ProcessBuilder(command)
                    .redirectInput(stdio.in()).redirectOutput(stdio.out()).redirectError(stdio.err())
                    .start();
        } catch (IOException e) {
            throw cannotRun(e);
        }
    }

    /** The command line of a foreground exec, for callers that must wrap it. */
    List<String> execCommand(String id, Path process) {
        return command("exec", "--process", process.toAbsolutePath().toString(), id);
    }

    @Override
    public int execDetached(String id, Path process) {
        if (wantsTerminal(process)) {
            throw new OciRuntimeException(Kind.UNSUPPORTED, "cannot exec in container " + id
                    + ": a detached process cannot have a terminal; run it without -t, or in the foreground");
        }
        Path pidFile = null;
        try {
            pidFile = Files.createTempFile("strata-exec-", ".pid");
            List<String> command = command("exec", "--detach", "--pid-file", pidFile.toString(),
                    "--process", process.toAbsolutePath().toString(), id);
            // the exec'd process inherits runc's stdio: a pipe here would be held open after runc returns
            Path errors = Files.createTempFile("strata-exec-", ".err");
            try {
                Process runc = new ProcessBuilder(command).redirectInput(Redirect.from(DEV_NULL))
                        .redirectOutput(Redirect.DISCARD).redirectError(errors.toFile()).start();
                int exitCode = runc.waitFor();
                if (exitCode != 0) {
                    throw failure("exec in", id, new CommandResult(exitCode, "", Files.readString(errors)));
                }
            } finally {
                Files.deleteIfExists(errors);
            }
            return Integer.parseInt(Files.readString(pidFile).strip());
        } catch (IOException e) {
            throw cannotRun(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OciRuntimeException(Kind.SYSTEM, "cannot exec in container " + id + ": interrupted", e);
        } finally {
            deleteQuietly(pidFile);
        }
    }

    private static boolean wantsTerminal(Path process) {
        try {
            return RuncOutput.wantsTerminal(Files.readAllBytes(process), "process " + process);
        } catch (IOException e) {
            throw new OciRuntimeException(Kind.NOT_FOUND, "cannot read process " + process + ": " + e.getMessage(), e);
        }
    }

    private CommandResult run(String... arguments) {
        try {
            return CommandResult.run(command(arguments));
        } catch (IOException e) {
            throw cannotRun(e);
        }
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(globalOptions());
        command.addAll(List.of(arguments));
        return command;
    }

    private static CommandResult check(String action, String id, CommandResult result) {
        if (result.exitCode() != 0) {
            throw failure(action, id, result);
        }
        return result;
    }

    private static OciRuntimeException failure(String action, String id, CommandResult result) {
        String message = RuncErrors.text(result.stderr());
        if (message.isBlank()) {
            message = "runc exited with status " + result.exitCode();
        }
        return new OciRuntimeException(RuncErrors.kind(message), "cannot " + action + " container " + id + ": " + message);
    }

    private OciRuntimeException cannotRun(IOException e) {
        return new OciRuntimeException(Kind.SYSTEM, "cannot run " + binary + ": " + e.getMessage()
                + "; install runc (Debian package runc) or point Strata at it", e);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a leftover empty temporary file harms nothing
            }
        }
    }
}
