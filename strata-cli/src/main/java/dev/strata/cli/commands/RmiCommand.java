package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.StrataException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rmi} / {@code image rm}: untag and delete images, keeping layers other images share. */
@Command(addMethodSubcommands = false, name = "rmi", description = "Remove one or more images")
public final class RmiCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-f", "--force"}, description = "Force removal of the image")
    boolean force;

    @Option(names = "--no-prune", description = "Do not delete untagged parents")
    boolean noPrune;

    @Parameters(arity = "1..*", paramLabel = "IMAGE")
    List<String> names;

    public RmiCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        int status = 0;
        for (String name : names) {
            try {
                cli.engine().remove(name, force, !noPrune).forEach(cli.out()::println);
            } catch (StrataException e) {
                cli.err().println("Error: " + e.getMessage());
                status = 1;
            }
        }
        return status;
    }
}
