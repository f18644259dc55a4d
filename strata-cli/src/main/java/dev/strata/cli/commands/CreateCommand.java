package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code create}: make a container without starting it; prints its ID. */
public final class CreateCommand implements Callable<Integer> {
    private final Cli cli;
    private final RunFlags flags = new RunFlags();

    private CreateCommand(Cli cli) {
        this.cli = cli;
    }

    /** Options after the image belong to the container's command, as in {@code create IMAGE ls -l}. */
    public static CommandLine line(Cli cli) {
        CreateCommand c = new CreateCommand(cli);
        return c.flags.declare(Syntax.of(c, "create", "Create a new container")).line();
    }

    @Override
    public Integer call() {
        cli.out().println(ImagePolicy.create(cli, flags.toOptions(true, cli.env()), flags.pullPolicy()).id());
        return 0;
    }
}
