package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code container cleanup ID}: what a container's monitor runs when the container ends (not for users). */
public final class CleanupCommand implements Callable<Integer> {
    private final Cli cli;
    private String container;

    private CleanupCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        CleanupCommand c = new CleanupCommand(cli);
        return Syntax.of(c, "cleanup", "Tidy up after a container that has ended")
                .hidden()
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .line();
    }

    @Override
    public Integer call() {
        cli.engine().containers().cleanup(container);
        return 0;
    }
}
