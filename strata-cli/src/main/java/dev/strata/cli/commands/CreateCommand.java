package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code create}: make a container without starting it; prints its ID. */
@Command(addMethodSubcommands = false, name = "create", description = "Create a new container")
public final class CreateCommand implements Callable<Integer> {
    private final Cli cli;

    @Mixin
    RunFlags flags;

    public CreateCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        cli.out().println(cli.engine().containers().create(flags.toOptions(true, cli.env()), java.nio.file.Path.of("").toAbsolutePath()).id());
        return 0;
    }
}
