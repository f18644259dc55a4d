package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
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
import picocli.CommandLine;

/** {@code exec}: run a command in a running container; exits with the command's exit code. */
public final class ExecCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean interactive;
    private boolean tty;
    private boolean detach;
    private List<String> env = List.of();
    private String workdir;
    private String user;
    private String container;
    private List<String> command = List.of();

    private ExecCommand(Cli cli) {
        this.cli = cli;
    }

    /** Options after the container belong to the command, as in {@code exec CONTAINER ls -l}. */
    public static CommandLine line(Cli cli) {
        ExecCommand c = new ExecCommand(cli);
        return Syntax.of(c, "exec", "Execute a command in a running container")
                .stopAtPositional()
                .flag("-i, --interactive", "Keep STDIN open even if not attached", v -> c.interactive = v)
                .flag("-t, --tty", "Allocate a pseudo-TTY", v -> c.tty = v)
                .flag("-d, --detach", "Detached mode: run command in the background", v -> c.detach = v)
                .repeatable("-e, --env", "<env>", "Set environment variables", v -> c.env = v)
                .option("-w, --workdir", "<workdir>", "Working directory inside the container", v -> c.workdir = v)
                .option("-u, --user", "<user>", "Username or UID (format: \"<name|uid>[:<group|gid>]\")",
                        v -> c.user = v)
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .parameters("1..*", "1..*", "COMMAND", v -> c.command = v)
                .line();
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
