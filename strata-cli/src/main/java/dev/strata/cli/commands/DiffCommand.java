package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.snapshot.overlay.Change;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code diff}: files a container added (A), changed (C) or deleted (D). */
@Command(addMethodSubcommands = false, name = "diff", description = "Inspect changes to files or directories on a container's filesystem")
public final class DiffCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    public DiffCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        for (Change change : cli.engine().containers().diff(container)) {
            cli.out().println(change);
        }
        return 0;
    }
}
