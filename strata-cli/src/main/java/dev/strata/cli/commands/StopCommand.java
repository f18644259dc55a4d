package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code stop}: the stop signal, then SIGKILL after the timeout; prints each name as given. */
public final class StopCommand implements Callable<Integer> {
    private final Cli cli;
    private Integer timeout;
    private String signal;
    private List<String> names;

    private StopCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        StopCommand c = new StopCommand(cli);
        return Syntax.of(c, "stop", "Stop one or more running containers")
                .intOption("-t, --time, --timeout", "<timeout>", "Seconds to wait before killing the container",
                        v -> c.timeout = v)
                .option("-s, --signal", "<signal>",
                        "Signal to send to the container (default: the image's STOPSIGNAL, else SIGTERM)",
                        v -> c.signal = v)
                .parameters("0..*", "1..*", "CONTAINER", v -> c.names = v)
                .line();
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            cli.engine().containers().stop(name, timeout, signal);
            cli.out().println(name);
        });
    }
}
