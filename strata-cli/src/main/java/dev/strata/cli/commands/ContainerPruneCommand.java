package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code container prune}: remove every stopped container. */
@Command(name = "prune", description = "Remove all stopped containers")
public final class ContainerPruneCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    public ContainerPruneCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() throws IOException {
        if (!force) {
            cli.out().println("WARNING! This will remove all stopped containers.");
            cli.out().print("Are you sure you want to continue? [y/N] ");
            cli.out().flush();
            String answer = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
            if (answer == null || !answer.trim().toLowerCase(java.util.Locale.ROOT).startsWith("y")) {
                return 0;
            }
        }
        var result = cli.engine().containers().prune();
        if (!result.removed().isEmpty()) {
            cli.out().println("Deleted Containers:");
            result.removed().forEach(cli.out()::println);
            cli.out().println();
        }
        cli.out().println("Total reclaimed space: " + Output.size(result.reclaimed()));
        return 0;
    }
}
