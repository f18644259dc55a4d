package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code pause} and {@code unpause}: freeze and thaw every process of containers. */
public final class PauseCommand {
    private PauseCommand() {}

    @Command(addMethodSubcommands = false, name = "pause", description = "Pause all processes within one or more containers")
    public static final class Pause implements Callable<Integer> {
        private final Cli cli;

        @Parameters(arity = "1..*", paramLabel = "CONTAINER")
        List<String> names;

        public Pause(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return Each.run(cli, names, name -> {
                cli.engine().containers().pause(name);
                cli.out().println(name);
            });
        }
    }

    @Command(addMethodSubcommands = false, name = "unpause", description = "Unpause all processes within one or more containers")
    public static final class Unpause implements Callable<Integer> {
        private final Cli cli;

        @Parameters(arity = "1..*", paramLabel = "CONTAINER")
        List<String> names;

        public Unpause(Cli cli) {
            this.cli = cli;
        }

        @Override
        public Integer call() {
            return Each.run(cli, names, name -> {
                cli.engine().containers().unpause(name);
                cli.out().println(name);
            });
        }
    }
}
