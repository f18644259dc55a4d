package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code rm}: remove containers; {@code -f} kills running ones first, {@code -v} removes anonymous volumes. */
public final class RmCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean force;
    private boolean volumes;
    private List<String> names;

    private RmCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        RmCommand c = new RmCommand(cli);
        return Syntax.of(c, "rm", "Remove one or more containers")
                .flag("-f, --force", "Force the removal of a running container (uses SIGKILL)", v -> c.force = v)
                .flag("-v, --volumes", "Remove anonymous volumes associated with the container", v -> c.volumes = v)
                .parameters("0..*", "1..*", "CONTAINER", v -> c.names = v)
                .line();
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            cli.engine().containers().remove(name, force, volumes);
            cli.out().println(name);
        });
    }
}
