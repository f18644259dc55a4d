package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.build.BuildListener;
import dev.strata.core.distribution.PullResult;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.store.LocalStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The images a build starts from ({@code FROM}, {@code COPY --from=IMAGE}), as Docker's builder finds them: from the
 * store, pulled when the store lacks one, or pulled every time with {@code --pull}. The pull's status lines go to the
 * build's output as {@code docker build} shows them. Not thread-safe: one build's.
 */
final class BaseImages {
    private final LocalStore store;
    private final Optional<Registries> registries;
    private final BuildRequest request;
    private final BuildListener listener;

    BaseImages(LocalStore store, Optional<Registries> registries, BuildRequest request, BuildListener listener) {
        this.store = store;
        this.registries = registries;
        this.request = request;
        this.listener = listener;
    }

    ImageRecord find(String name) {
        Optional<ImageRecord> found = inStore(name);
        if ((found.isEmpty() || request.pull()) && registries.isPresent()) {
            try {
                pull(name);
            } catch (StrataException e) {
                throw new StrataException(e.kind(), "cannot pull base image " + name + ": " + e.getMessage(), e);
            }
            found = inStore(name);
        }
        return found.orElseThrow(() -> new StrataException(StrataException.Kind.NOT_FOUND,
                "base image " + name + " is not in the store: pull, load or import it first"));
    }

    private Optional<ImageRecord> inStore(String name) {
        try {
            return ImageResolver.find(store.index().read(), name);
        } catch (StrataException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "invalid reference format for base image "
                    + name + ": " + e.getMessage(), e);
        }
    }

    private void pull(String name) {
        ProgressListener progress = event -> {
            if (event instanceof Event.Status s) {
                line(s.id() == null ? s.status() : s.id() + ": " + s.status());
            }
        };
        for (PullResult result : registries.get().pull(new PullRequest(name, false, null, request.registries().get()),
                progress)) {
            line(PullResult.statusLine(List.of(result), result.reference().familiar()));
        }
    }

    private void line(String text) {
        try {
            listener.stdout().write((text + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
