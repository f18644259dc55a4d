package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code kill}: send a signal (SIGKILL by default) to running containers. */
public final class KillCommand implements Callable<Integer> {
    private final Cli cli;
    private String signal;
    private List<String> names;

    private KillCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        KillCommand c = new KillCommand(cli);
        return Syntax.of(c, "kill", "Kill one or more running containers")
                .option("-s, --signal", "<signal>", "Signal to send to the container (default KILL)", v -> c.signal = v)
                .parameters("0..*", "1..*", "CONTAINER", v -> c.names = v)
                .line();
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            cli.engine().containers().kill(name, signal);
            cli.out().println(name);
        });
    }
}
