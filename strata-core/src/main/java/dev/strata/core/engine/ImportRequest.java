package dev.strata.core.engine;

import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * What {@code import} needs: where the tarball comes from ({@code sourceName} is what the history says,
 * e.g. "-" for stdin), an optional tag, Dockerfile-style config changes, a commit message and a platform.
 */
public record ImportRequest(Opener source, String sourceName, Reference reference, List<String> changes,
        String message, Platform platform) {
    public ImportRequest {
        changes = List.copyOf(changes);
    }

    /** Opens the tarball's bytes. */
    @FunctionalInterface
    public interface Opener {
        InputStream open() throws IOException;
    }
}
