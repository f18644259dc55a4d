package dev.strata.core.engine;

import dev.strata.core.oci.Digest;

/** An image that {@code load} added: by the name it was tagged with, or by ID when it has none. */
public record LoadedImage(String name, Digest id) {}
