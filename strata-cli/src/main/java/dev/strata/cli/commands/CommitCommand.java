package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.engine.CommitRequest;
import dev.strata.core.oci.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code commit}: a container's changes become a new image; prints its ID. */
@Command(addMethodSubcommands = false, name = "commit", description = "Create a new image from a container's changes")
public final class CommitCommand implements Callable<Integer> {
    private final Cli cli;

    @Option(names = {"-a", "--author"}, description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
    String author;

    @Option(names = {"-m", "--message"}, description = "Commit message")
    String message;

    @Option(names = {"-c", "--change"}, description = "Apply Dockerfile instruction to the created image")
    List<String> changes = new ArrayList<>();

    @Option(names = {"-p", "--pause"}, negatable = true, defaultValue = "true", fallbackValue = "true", arity = "0..1",
            description = "Pause container during commit (default true)")
    boolean pause;

    @Parameters(index = "0", paramLabel = "CONTAINER")
    String container;

    @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
    String repository;

    public CommitCommand(Cli cli) {
        this.cli = cli;
    }

    @Override
    public Integer call() {
        Reference reference = repository == null ? null : Reference.parse(repository).withDefaultTag();
        var id = cli.engine().containers().commit(new CommitRequest(container, reference, author, message, changes, pause));
        cli.out().println(id);
        return 0;
    }
}
