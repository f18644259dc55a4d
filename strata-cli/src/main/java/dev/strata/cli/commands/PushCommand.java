package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.distribution.PushResult;
import dev.strata.core.engine.PushRequest;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code push}: upload an image to a registry, with Docker's output. */
public final class PushCommand implements Callable<Integer> {
    private final Cli cli;
    private String name;
    private boolean allTags;
    private boolean quiet;

    private PushCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        PushCommand c = new PushCommand(cli);
        return Syntax.of(c, "push", "Upload an image to a registry")
                .flag("-a, --all-tags", "Push all tags of an image to the repository", v -> c.allTags = v)
                .flag("-q, --quiet", "Suppress verbose output", v -> c.quiet = v)
                .parameter("0", "1", "NAME[:TAG]", v -> c.name = v)
                .line();
    }

    @Override
    public Integer call() {
        Reference ref = Reference.parse(name);
        ProgressListener progress = RemoteProgressPrinter.start(cli, ref, allTags, quiet);
        List<PushResult> results = cli.engine().push(new PushRequest(name, allTags, RegistryEnvironment.settings(cli)),
                progress);
        if (quiet) {
            for (PushResult r : results) {
                cli.out().println(ref.withTag(r.tag()));
            }
        }
        return 0;
    }
}
