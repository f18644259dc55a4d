package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code restart}: stop, then start again in the background. */
@Command(addMethodSubcommands = false, name = "restart", description = "Restart one or more containers")
public final class RestartCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-t", "--time", "--timeout"}, description = "Seconds to wait before killing the container")
    Integer timeout;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    public RestartCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            cli.engine().containers().restart(name, timeout);
            cli.out().println(name);
        });
    }
}
