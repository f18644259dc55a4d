package dev.strata.core.engine;

import dev.strata.core.build.BuildListener;
import dev.strata.core.build.context.BuildContext;
import dev.strata.core.build.context.ContextOpener;
import dev.strata.core.build.context.ContextSpec;
import dev.strata.core.build.context.DockerfileResolver;
import dev.strata.core.build.context.IgnoreRules;
import dev.strata.core.build.dockerfile.Dockerfile;
import dev.strata.core.oci.Digest;
import dev.strata.core.store.LocalStore;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code build} from the user's point of view: the context argument ({@code PATH}, {@code URL} or {@code -}) opened,
 * the Dockerfile found and parsed, the ignore rules read, then the steps run by {@link ImageBuilder}.
 */
final class Builds {
    private final LocalStore store;
    private final Containers containers;
    private final Clock clock;

    Builds(LocalStore store, Containers containers, Clock clock) {
        this.store = store;
        this.containers = containers;
        this.clock = clock;
    }

    Digest build(String contextArgument, String file, Path workingDirectory, Supplier<InputStream> stdin,
            BuildRequest request, BuildListener listener) {
        ContextSpec spec = ContextSpec.parse(contextArgument, workingDirectory);
        Path scratch = store.scratch().newDirectory("context-");
        // redirects followed, as for ADD and import: tarball links (GitHub's archives) answer with one
        ContextOpener opener = new ContextOpener(scratch,
                () -> HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build(), "git", stdin);
        try (BuildContext context = opener.open(spec)) {
            DockerfileResolver resolver = new DockerfileResolver(workingDirectory, stdin);
            var dockerfile = resolver.resolve(context, file, spec instanceof ContextSpec.Stdin);
            IgnoreRules ignore = resolver.ignoreRules(context, dockerfile);
            Dockerfile parsed = Dockerfile.parse(dockerfile.text(), dockerfile.name());
            String created = Times.format(request.sourceDateEpoch().orElse(clock.instant()));
            BaseImages bases = new BaseImages(store, request.registries().map(settings -> new Registries(store, clock,
                    settings, dev.strata.core.distribution.Transport.standard())), request, listener);
            return new ImageBuilder(store, containers, context, ignore, listener, request, created, bases).build(parsed);
        }
    }
}
