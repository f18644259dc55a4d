package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.core.engine.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code image prune}: remove dangling (or, with -a, all unused) images. */
@Command(addMethodSubcommands = false, name = "prune", description = "Remove unused images")
public final class PruneCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-a", "--all"}, description = "Remove all unused images, not just dangling ones")
    boolean all;

    @Option(names = {"-f", "--force"}, description = "Do not prompt for confirmation")
    boolean force;

    public PruneCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        if (!force && !cli.confirm(all
                ? "WARNING! This will remove all images without at least one container associated to them."
                : "WARNING! This will remove all dangling images.")) {
            return 0;
        }
        Engine.PruneResult result = cli.engine().prune(all);
        if (!result.lines().isEmpty()) {
            cli.out().println("Deleted Images:");
            for (String line : result.lines()) {
                String lower = line.startsWith("Untagged:") ? "untagged:" + line.substring(9) : "deleted:" + line.substring(8);
                cli.out().println(lower);
            }
            cli.out().println();
        }
        cli.out().println("Total reclaimed space: " + Output.size(result.reclaimed()));
        return 0;
    }
}
