package dev.strata.cli.commands;

import dev.strata.cli.Attach;
import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.engine.Containers;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code start}: start stopped containers; {@code -a} attaches to one and exits with its code. */
public final class StartCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean attach;
    private boolean interactive;
    private List<String> names;

    private StartCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        StartCommand c = new StartCommand(cli);
        return Syntax.of(c, "start", "Start one or more stopped containers")
                .flag("-a, --attach", "Attach STDOUT/STDERR and forward signals", v -> c.attach = v)
                .flag("-i, --interactive", "Attach container's STDIN", v -> c.interactive = v)
                .parameters("0..*", "1..*", "CONTAINER", v -> c.names = v)
                .line();
    }

    @Override
    public Integer call() {
        Containers containers = cli.engine().containers();
        if (attach || interactive) {
            if (names.size() > 1) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "you cannot start and attach multiple containers at once");
            }
            Container c = containers.find(names.getFirst());
            var attachment = containers.startAttached(c.id(), interactive);
            Attach.pump(cli, containers, c.id(), attachment, c.record().config().tty());
            return containers.awaitExit(c.id());
        }
        return Each.run(cli, names, name -> {
            containers.start(name);
            cli.out().println(name);
        });
    }
}
