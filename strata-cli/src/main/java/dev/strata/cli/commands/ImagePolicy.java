package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.core.StrataException;
import dev.strata.core.container.ContainerRecord;
import dev.strata.core.container.RunOptions;
import dev.strata.core.distribution.PullResult;
import dev.strata.core.engine.PullRequest;
import dev.strata.core.oci.Reference;
import dev.strata.core.store.ImageNotFoundException;
import java.nio.file.Path;
import java.util.List;

/**
 * How {@code run} and {@code create} come by their image, as Docker's {@code --pull} says: pulled when the store
 * has not got it ({@code missing}, the default), before every container ({@code always}), or not at all
 * ({@code never}). What a pull shows goes to standard error, as Docker's does, so that standard output stays the
 * container's (or the new container's ID). Stateless.
 */
final class ImagePolicy {
    static final List<String> POLICIES = List.of("always", "missing", "never");

    private ImagePolicy() {}

    /**
     * Creates the container of {@code options}, pulling its image first as {@code policy} says; a policy
     * {@code --pull} does not take is refused in Docker's words.
     */
    static ContainerRecord create(Cli cli, RunOptions options, String policy) {
        if (!POLICIES.contains(policy)) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid pull option: '" + policy
                    + "': must be one of \"always\", \"missing\" or \"never\"");
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (policy.equals("always")) {
            pull(cli, options.image());
            return cli.engine().containers().create(options, cwd);
        }
        try {
            return cli.engine().containers().create(options, cwd);
        } catch (ImageNotFoundException e) {
            if (!policy.equals("missing")) {
                throw e;
            }
            cli.err().println("Unable to find image '" + shown(options.image()) + "' locally");
            pull(cli, options.image());
            return cli.engine().containers().create(options, cwd);
        }
    }

    private static void pull(Cli cli, String image) {
        List<PullResult> results = cli.engine().pull(new PullRequest(image, false, null, RegistryEnvironment.settings(cli)),
                new RemoteProgressPrinter(cli.err(), false));
        cli.err().println(PullResult.statusLine(results, shown(image)));
    }

    /** The name as Docker shows it in these lines: familiar, with the default tag. */
    private static String shown(String image) {
        try {
            return Reference.parse(image).withDefaultTag().familiar();
        } catch (RuntimeException e) {
            return image;
        }
    }
}
