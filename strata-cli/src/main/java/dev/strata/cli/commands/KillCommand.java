package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code kill}: send a signal (SIGKILL by default) to running containers. */
@Command(addMethodSubcommands = false, name = "kill", description = "Kill one or more running containers")
public final class KillCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container (default KILL)")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    public KillCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            cli.engine().containers().kill(name, signal);
            cli.out().println(name);
        });
    }
}
