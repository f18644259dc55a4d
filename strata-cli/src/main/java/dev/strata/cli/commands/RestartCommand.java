package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code restart}: stop, then start again in the background. */
public final class RestartCommand implements Callable<Integer> {
    private final Cli cli;
    private Integer timeout;
    private List<String> names;

    private RestartCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        RestartCommand c = new RestartCommand(cli);
        return Syntax.of(c, "restart", "Restart one or more containers")
                .intOption("-t, --time, --timeout", "<timeout>", "Seconds to wait before killing the container",
                        v -> c.timeout = v)
                .parameters("0..*", "1..*", "CONTAINER", v -> c.names = v)
                .line();
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            cli.engine().containers().restart(name, timeout);
            cli.out().println(name);
        });
    }
}
