package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stop}: the stop signal, then SIGKILL after the timeout; prints each name as given. */
@Command(addMethodSubcommands = false, name = "stop", description = "Stop one or more running containers")
public final class StopCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-t", "--time", "--timeout"}, description = "Seconds to wait before killing the container")
    Integer timeout;

    @Option(names = {"-s", "--signal"}, description = "Signal to send to the container (default: the image's STOPSIGNAL, else SIGTERM)")
    String signal;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    public StopCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            cli.engine().containers().stop(name, timeout, signal);
            cli.out().println(name);
        });
    }
}
