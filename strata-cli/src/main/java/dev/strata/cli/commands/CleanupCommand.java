package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code container cleanup ID}: what a container's monitor runs when the container ends (not for users). */
@Command(addMethodSubcommands = false, name = "cleanup", hidden = true, description = "Tidy up after a container that has ended")
public final class CleanupCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    public CleanupCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.engine().containers().cleanup(container);
        return 0;
    }
}
