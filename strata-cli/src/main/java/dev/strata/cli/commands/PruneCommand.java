package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import dev.strata.core.engine.Engine;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code image prune}: remove dangling (or, with -a, all unused) images. */
public final class PruneCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean all;
    private boolean force;

    private PruneCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        PruneCommand c = new PruneCommand(cli);
        return Syntax.of(c, "prune", "Remove unused images")
                .flag("-a, --all", "Remove all unused images, not just dangling ones", v -> c.all = v)
                .flag("-f, --force", "Do not prompt for confirmation", v -> c.force = v)
                .line();
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
