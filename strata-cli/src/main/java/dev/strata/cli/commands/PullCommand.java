package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.core.distribution.PullResult;
import dev.strata.core.engine.Engine;
import dev.strata.core.engine.PullRequest;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;

/** {@code pull}: download an image from a registry, with Docker's output. */
public final class PullCommand implements Callable<Integer> {
    private final Cli cli;
    private String name;
    private boolean allTags;
    private boolean quiet;
    private String platform;

    private PullCommand(Cli cli) {
        this.cli = cli;
    }

    public static CommandLine line(Cli cli) {
        PullCommand c = new PullCommand(cli);
        return Syntax.of(c, "pull", "Download an image from a registry")
                .flag("-a, --all-tags", "Download all tagged images in the repository", v -> c.allTags = v)
                .option("--platform", "<string>", "Set platform if server is multi-platform capable", v -> c.platform = v)
                .flag("-q, --quiet", "Suppress verbose output", v -> c.quiet = v)
                .parameter("0", "1", "NAME[:TAG|@DIGEST]", v -> c.name = v)
                .line();
    }

    @Override
    public Integer call() {
        Reference ref = Reference.parse(name);
        ProgressListener progress = RemoteProgressPrinter.start(cli, ref, allTags, quiet);
        List<PullResult> results = cli.engine().pull(new PullRequest(name, allTags,
                platform == null ? null : Engine.parsePlatform(platform), RegistryEnvironment.settings(cli)), progress);
        String shown = allTags ? ref.familiarName() : ref.withDefaultTag().familiar();
        String full = allTags ? ref.name() : ref.withDefaultTag().toString();
        if (!quiet) {
            cli.out().println(PullResult.statusLine(results, shown));
        }
        cli.out().println(full);
        return 0;
    }
}
