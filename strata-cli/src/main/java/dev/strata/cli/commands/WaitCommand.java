package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code wait}: block until containers stop, then print their exit codes. */
@Command(addMethodSubcommands = false, name = "wait", description = "Block until one or more containers stop, then print their exit codes")
public final class WaitCommand implements Callable<Integer> {
    private final Cli cli;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    public WaitCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            try {
                cli.out().println(cli.engine().containers().await(name));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
