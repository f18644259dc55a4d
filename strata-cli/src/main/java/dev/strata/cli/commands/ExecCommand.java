package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.engine.ExecOptions;
import dev.strata.core.runtime.Stdio;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code exec}: run a command in a running container; exits with the command's exit code. */
@Command(addMethodSubcommands = false, name = "exec", description = "Execute a command in a running container")
public final class ExecCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-i", "--interactive"}, description = "Keep STDIN open even if not attached")
    boolean interactive;

    @Option(names = {"-t", "--tty"}, description = "Allocate a pseudo-TTY")
    boolean tty;

    @Option(names = {"-d", "--detach"}, description = "Detached mode: run command in the background")
    boolean detach;

    @Option(names = {"-e", "--env"}, description = "Set environment variables")
    List<String> env = new ArrayList<>();

    @Option(names = {"-w", "--workdir"}, description = "Working directory inside the container")
    String workdir;

    @Option(names = {"-u", "--user"}, description = "Username or UID (format: \"<name|uid>[:<group|gid>]\")")
    String user;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
    List<String> command = new ArrayList<>();

    public ExecCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> environment = new ArrayList<>();
        for (String e : env) {
            if (e.contains("=")) {
                environment.add(e);
            } else if (cli.env().containsKey(e)) {
                environment.add(e + "=" + cli.env().get(e));
            }
        }
        if (!detach) {
            dev.strata.cli.Attach.requireTerminalInput(cli, interactive, tty);
        }
        ExecOptions options = new ExecOptions(command, environment, workdir, user, tty, interactive, detach);
        var containers = cli.engine().containers();
        if (detach) {
            containers.execDetached(container, options);
            return 0;
        }
        boolean realTerminal = tty && cli.terminal().stdinIsTerminal() && cli.terminal().stdoutIsTerminal();
        if (realTerminal) {
            // runc relays the pseudo-terminal itself, raw mode and window size included, on the inherited terminal
            return containers.exec(container, options, Stdio.inherit()).waitFor();
        }
        Process process = containers.exec(container, options, new Stdio(interactive ? Redirect.PIPE : Redirect.from(
                new java.io.File("/dev/null")), Redirect.PIPE, Redirect.PIPE));
        Thread out = copy(process.getInputStream(), cli.out());
        Thread err = copy(process.getErrorStream(), cli.err());
        if (interactive) {
            Thread.ofPlatform().daemon().start(() -> {
                try (OutputStream stdin = process.getOutputStream()) {
                    cli.in().transferTo(stdin);
                } catch (IOException e) {
                    // the process stopped reading
                }
            });
        }
        int code = process.waitFor();
        out.join();
        err.join();
        return code;
    }

    private static Thread copy(InputStream from, OutputStream to) {
        return Thread.ofPlatform().start(() -> {
            try {
                byte[] buffer = new byte[8192];
                for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
