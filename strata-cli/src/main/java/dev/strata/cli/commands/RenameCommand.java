package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code rename CONTAINER NEW_NAME}. */
public final class RenameCommand implements Callable<Integer> {
    private final Cli cli;
    private String container;
    private String newName;

    private RenameCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        RenameCommand c = new RenameCommand(cli);
        return Syntax.of(c, "rename", "Rename a container")
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .parameter("1", "1", "NEW_NAME", v -> c.newName = v)
                .line();
    }

    @Override
    public Integer call() {
        cli.engine().containers().rename(container, newName);
        return 0;
    }
}
