package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.snapshot.overlay.Change;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code diff}: files a container added (A), changed (C) or deleted (D). */
public final class DiffCommand implements Callable<Integer> {
    private final Cli cli;
    private String container;

    private DiffCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        DiffCommand c = new DiffCommand(cli);
        return Syntax.of(c, "diff", "Inspect changes to files or directories on a container's filesystem")
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .line();
    }

    @Override
    public Integer call() {
        for (Change change : cli.engine().containers().diff(container)) {
            cli.out().println(change);
        }
        return 0;
    }
}
