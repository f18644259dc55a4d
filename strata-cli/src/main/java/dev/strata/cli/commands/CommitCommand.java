package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.engine.CommitRequest;
import dev.strata.core.oci.Reference;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code commit}: a container's changes become a new image; prints its ID. */
public final class CommitCommand implements Callable<Integer> {
    private final Cli cli;
    private String author;
    private String message;
    private List<String> changes = List.of();
    private boolean pause;
    private String container;
    private String repository;

    private CommitCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        CommitCommand c = new CommitCommand(cli);
        return Syntax.of(c, "commit", "Create a new image from a container's changes")
                .option("-a, --author", "<author>", "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")",
                        v -> c.author = v)
                .option("-m, --message", "<message>", "Commit message", v -> c.message = v)
                .repeatable("-c, --change", "<changes>", "Apply Dockerfile instruction to the created image",
                        v -> c.changes = v)
                .negatableBoolean("-p, --pause", "<pause>", "Pause container during commit (default true)",
                        v -> c.pause = v)
                .parameter("0", "1", "CONTAINER", v -> c.container = v)
                .parameter("1", "0..1", "REPOSITORY[:TAG]", v -> c.repository = v)
                .line();
    }

    @Override
    public Integer call() {
        Reference reference = repository == null ? null : Reference.parse(repository).withDefaultTag();
        var id = cli.engine().containers().commit(new CommitRequest(container, reference, author, message, changes, pause));
        cli.out().println(id);
        return 0;
    }
}
