package dev.strata.cli.commands;

import dev.strata.cli.Attach;
import dev.strata.cli.Cli;
import dev.strata.core.container.Container;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code attach}: connect this terminal to a running container's input and output. */
@Command(addMethodSubcommands = false, name = "attach", description = "Attach local standard input, output, and error streams to a running container")
public final class AttachCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = "--no-stdin", description = "Do not attach STDIN")
    boolean noStdin;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    public AttachCommand(Cli cli) {
        this.cli = cli;
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
