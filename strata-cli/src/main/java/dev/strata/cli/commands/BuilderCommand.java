package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Output;
import dev.strata.cli.Syntax;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code builder}: the build cache's management command; {@code builder prune} empties the cache. */
public final class BuilderCommand {
    private BuilderCommand() {}

    public static CommandLine line(Cli cli) {
        CommandLine group = Syntax.group("builder", "Manage builds").line();
        group.addSubcommand("prune", Prune.line(cli));
        return group;
    }

    /** {@code builder prune}: Docker's prompt, the removed cache entries, the space reclaimed. */
    static final class Prune implements Callable<Integer> {
        private final Cli cli;
        private boolean all;
        private boolean force;

        private Prune(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Prune c = new Prune(cli);
            return Syntax.of(c, "prune", "Remove build cache")
                    .flag("-a, --all", "Remove all unused build cache, not just dangling ones", v -> c.all = v)
                    .flag("-f, --force", "Do not prompt for confirmation", v -> c.force = v)
                    .line();
        }

        @Override
        public Integer call() {
            String warning = all ? "WARNING! This will remove all build cache."
                    : "WARNING! This will remove all dangling build cache.";
            if (!force && !cli.confirm(warning)) {
                return 0;
            }
            var pruned = cli.engine().pruneBuildCache(all);
            if (!pruned.keys().isEmpty()) {
                cli.out().println("Deleted build cache objects:");
                pruned.keys().forEach(k -> cli.out().println(k.hex().substring(0, 25)));
                cli.out().println();
            }
            cli.out().println("Total reclaimed space: " + Output.size(pruned.bytes()));
            return 0;
        }
    }
}
