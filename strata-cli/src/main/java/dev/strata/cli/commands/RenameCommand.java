package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rename CONTAINER NEW_NAME}. */
@Command(addMethodSubcommands = false, name = "rename", description = "Rename a container")
public final class RenameCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", paramLabel = "NEW_NAME")
    String newName;

    public RenameCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.engine().containers().rename(container, newName);
        return 0;
    }
}
