package dev.strata.core.store;

import dev.strata.core.oci.Digest;
import java.util.List;
import java.util.Map;

/**
 * One image of the local store as the index keeps it: enough to list images without opening their configs.
 * {@code tags} and {@code repoDigests} hold fully qualified references ({@code docker.io/library/busybox:latest}).
 */
public record ImageRecord(
        Digest id,
        Digest manifest,
        List<String> tags,
        List<String> repoDigests,
        String created,
        long size,
        Digest parent,
        String lastTagTime,
        Map<String, String> labels) {

    public ImageRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public ImageRecord withTags(List<String> newTags, String tagTime) {
        return new ImageRecord(id, manifest, newTags, repoDigests, created, size, parent, tagTime, labels);
    }
}
