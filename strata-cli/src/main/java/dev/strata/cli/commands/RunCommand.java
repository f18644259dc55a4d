package dev.strata.cli.commands;

import dev.strata.cli.Attach;
import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.StrataException;
import dev.strata.core.container.ContainerRecord;
import dev.strata.core.engine.ContainerStartException;
import dev.strata.core.engine.Containers;
import dev.strata.core.runtime.conmon.Attachment;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/**
 * {@code run}: create and start a container. Attached (the default) it shows the container's output and exits
 * with its exit code; {@code -d} prints the ID and leaves it running. Errors before the container runs exit 125,
 * or 126/127 when its command cannot be run or found, as Docker's.
 */
public final class RunCommand implements Callable<Integer> {
    static final int FAILED = 125;

    private final Cli cli;
    private final RunFlags flags = new RunFlags();
    private boolean detach;

    private RunCommand(Cli cli) {
        this.cli = cli;
    }

    /** Options after the image belong to the container's command, as in {@code run IMAGE ls -l}. */
    public static CommandLine line(Cli cli) {
        RunCommand c = new RunCommand(cli);
        return c.flags.declare(Syntax.of(c, "run", "Create and run a new container from an image"))
                .flag("-d, --detach", "Run container in background and print container ID", v -> c.detach = v)
                .line();
    }

    @Override
    public Integer call() {
        if (!detach) {
            Attach.requireTerminalInput(cli, flags.interactive, flags.tty);
        }
        Containers containers = cli.engine().containers();
        ContainerRecord record;
        try {
            record = ImagePolicy.create(cli, flags.toOptions(detach, cli.env()), flags.pullPolicy());
        } catch (StrataException e) {
            cli.err().println("Error: " + e.getMessage());
            return FAILED;
        }
        try {
            if (detach) {
                containers.start(record.id());
                cli.out().println(record.id());
                return 0;
            }
            Attachment attachment = containers.startAttached(record.id(), flags.interactive);
            Attach.pump(cli, containers, record.id(), attachment, flags.tty);
            return containers.awaitExit(record.id());
        } catch (ContainerStartException e) {
            cli.err().println("Error: " + e.getMessage());
            if (flags.autoRemove) {
                containers.remove(record.id(), true, true);
            }
            return e.exitCode();
        }
    }
}
