package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code container prune}: remove every stopped container. */
@Command(addMethodSubcommands = false, name = "prune", description = "Remove all stopped containers")
public final class ContainerPruneCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    public ContainerPruneCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!force && !cli.confirm("WARNING! This will remove all stopped containers.")) {
            return 0;
        }
        var result = cli.engine().containers().prune();
        if (!result.removed().isEmpty()) {
            cli.out().println("Deleted Containers:");
            result.removed().forEach(cli.out()::println);
            cli.out().println();
        }
        cli.out().println("Total reclaimed space: " + Output.size(result.reclaimed()));
        return 0;
    }
}
