package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code rmi} / {@code image rm}: untag and delete images, keeping layers other images share. */
public final class RmiCommand implements Callable<Integer> {
    private final Cli cli;
    private boolean force;
    private boolean noPrune;
    private List<String> names;

    private RmiCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        RmiCommand c = new RmiCommand(cli);
        return Syntax.of(c, "rmi", "Remove one or more images")
                .flag("-f, --force", "Force removal of the image", v -> c.force = v)
                .flag("--no-prune", "Do not delete untagged parents", v -> c.noPrune = v)
                .parameters("0..*", "1..*", "IMAGE", v -> c.names = v)
                .line();
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
