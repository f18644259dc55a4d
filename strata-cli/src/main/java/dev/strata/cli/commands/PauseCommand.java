package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code pause} and {@code unpause}: freeze and thaw every process of containers. */
public final class PauseCommand implements Callable<Integer> {
    private final Cli cli;
    private final boolean pause;
    private List<String> names;

    private PauseCommand(Cli cli, boolean pause) {
        this.cli = cli;
        this.pause = pause;
    }

    /** {@code pause}. */
    public static CommandLine pause(Cli cli) {
        return line(new PauseCommand(cli, true), "pause", "Pause all processes within one or more containers");
    }

    /** {@code unpause}. */
    public static CommandLine unpause(Cli cli) {
        return line(new PauseCommand(cli, false), "unpause", "Unpause all processes within one or more containers");
    }

    private static CommandLine line(PauseCommand c, String name, String description) {
        return Syntax.of(c, name, description)
                .parameters("0..*", "1..*", "CONTAINER", v -> c.names = v)
                .line();
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            if (pause) {
                cli.engine().containers().pause(name);
            } else {
                cli.engine().containers().unpause(name);
            }
            cli.out().println(name);
        });
    }
}
