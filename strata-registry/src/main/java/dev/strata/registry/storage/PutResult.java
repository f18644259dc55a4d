package dev.strata.registry.storage;

import dev.strata.core.oci.Digest;
import java.util.List;
import java.util.Optional;

/** What a manifest push stored: the manifest's digest, the subject it names (if any) and the tags now pointing at it. */
public record PutResult(Digest digest, Optional<Digest> subject, List<String> tags) {
    public PutResult {
        tags = List.copyOf(tags);
    }
}
