package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rm}: remove containers; {@code -f} kills running ones first, {@code -v} removes anonymous volumes. */
@Command(addMethodSubcommands = false, name = "rm", description = "Remove one or more containers")
public final class RmCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-f", "--force"}, description = "Force the removal of a running container (uses SIGKILL)")
    boolean force;

    @Option(names = {"-v", "--volumes"}, description = "Remove anonymous volumes associated with the container")
    boolean volumes;

    @Parameters(arity = "1..*", paramLabel = "CONTAINER")
    List<String> names;

    public RmCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        return Each.run(cli, names, name -> {
            cli.engine().containers().remove(name, force, volumes);
            cli.out().println(name);
        });
    }
}
