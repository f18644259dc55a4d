package dev.strata.core.distribution;

import java.util.Objects;

/** One repository a registry search found, with Docker Hub's fields (other registries leave them empty). */
public record SearchResult(String name, String description, int starCount, boolean official, boolean automated) {
    public SearchResult {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
    }
}
