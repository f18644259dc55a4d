package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code wait}: block until containers stop, then print their exit codes. */
public final class WaitCommand implements Callable<Integer> {
    private final Cli cli;
    private List<String> names;

    private WaitCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        WaitCommand c = new WaitCommand(cli);
        return Syntax.of(c, "wait", "Block until one or more containers stop, then print their exit codes")
                .parameters("0..*", "1..*", "CONTAINER", v -> c.names = v)
                .line();
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
