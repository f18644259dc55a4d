package dev.strata.registry.storage;

import dev.strata.core.oci.Digest;
import dev.strata.registry.spec.ManifestFacts;
import java.util.Objects;

/**
 * A manifest held by a repository: its digest, media type and size, what it references, and its raw bytes when
 * they are kept in memory ({@code bytes} is null when the cache budget was spent; they are then read from the
 * blob). The bytes are the client's, exactly as pushed.
 */
public record StoredManifest(Digest digest, String mediaType, long size, ManifestFacts facts, byte[] bytes) {
    public StoredManifest {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(facts, "facts");
    }
}
