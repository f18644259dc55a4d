package dev.strata.cli.commands;

import dev.strata.cli.Attach;
import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.container.Container;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code attach}: connect this terminal to a running container's input and output. */
public final class AttachCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean noStdin;
    private String container;

    private AttachCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        AttachCommand c = new AttachCommand(cli);
        return Syntax.of(c, "attach", "Attach local standard input, output, and error streams to a running container")
                .flag("--no-stdin", "Do not attach STDIN", v -> c.noStdin = v)
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .line();
    }

    @Override
    public Integer call() {
        var containers = cli.engine().containers();
        Container c = containers.find(container);
        boolean stdin = !noStdin && c.record().config().openStdin();
        Attach.requireTerminalInput(cli, stdin, c.record().config().tty());
        var attachment = containers.attach(c.id(), stdin);
        Attach.pump(cli, containers, c.id(), attachment, c.record().config().tty());
        return containers.awaitExit(c.id());
    }
}
