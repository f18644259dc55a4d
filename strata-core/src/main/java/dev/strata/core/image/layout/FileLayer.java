package dev.strata.core.image.layout;

import dev.strata.core.StrataException;
import dev.strata.core.image.Layer;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** A layer whose blob is a local file (in a layout directory, or staged from an archive). */
public record FileLayer(Descriptor descriptor, Digest diffId, Path path) implements Layer {
    public FileLayer {
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(diffId, "diffId");
        Objects.requireNonNull(path, "path");
    }

    @Override
    public InputStream open() {
        try {
            return Files.newInputStream(path);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot read layer " + descriptor.digest() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> file() {
        return Optional.of(path);
    }
}
