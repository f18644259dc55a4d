package dev.strata.cli.commands;

import dev.strata.cli.Attach;
import dev.strata.cli.Cli;
import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.engine.Containers;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code start}: start stopped containers; {@code -a} attaches to one and exits with its code. */
@Command(addMethodSubcommands = false, name = "start", description = "Start one or more stopped containers")
public final class StartCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-a", "--attach"}, description = "Attach STDOUT/STDERR and forward signals")
    boolean attach;

    @Option(names = {"-i", "--interactive"}, description = "Attach container's STDIN")
    boolean interactive;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    public StartCommand(Cli cli) {
        this.cli = cli;
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
