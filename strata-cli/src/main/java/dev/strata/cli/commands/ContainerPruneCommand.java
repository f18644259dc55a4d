package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code container prune}: remove every stopped container. */
public final class ContainerPruneCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean force;

    private ContainerPruneCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        ContainerPruneCommand c = new ContainerPruneCommand(cli);
        return Syntax.of(c, "prune", "Remove all stopped containers")
                .flag("-f, --force", "Do not prompt for confirmation", v -> c.force = v)
                .line();
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
