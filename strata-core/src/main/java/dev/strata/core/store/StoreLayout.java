package dev.strata.core.store;

import java.nio.file.Path;

/** Where everything lives under one store root; the only place that knows the on-disk layout. */
public record StoreLayout(Path root) {
    public StoreLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path blobs() {
        return root.resolve("blobs");
    }

    public Path ingest() {
        return root.resolve("ingest");
    }

    public Path snapshots() {
        return root.resolve("snapshots");
    }

    public Path images() {
        return root.resolve("images");
    }

    public Path imageIndex() {
        return images().resolve("index.json");
    }

    /** The build cache ({@code build/}) and the build context checksums ({@code checksums/}). */
    public Path cache() {
        return root.resolve("cache");
    }

    public Path locks() {
        return root.resolve("locks");
    }

    /** Blobs of pulls cut off part way, kept so the next pull resumes them. */
    public Path partialDownloads() {
        return root.resolve("partial");
    }

    /** What pushes and pulls remember: which compressed blobs of a layer which registries have. */
    public Path distribution() {
        return root.resolve("distribution");
    }
}
