package dev.strata.core.store;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.strata.core.oci.Digest;
import java.util.List;
import java.util.Map;

/**
 * One image of the local store as the index keeps it: enough to list images without opening their configs.
 * {@code tags} and {@code repoDigests} hold fully qualified references ({@code docker.io/library/busybox:latest}).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"id", "manifest", "tags", "repoDigests", "created", "size", "parent", "lastTagTime", "labels"})
public record ImageRecord(
        @JsonProperty("id") Digest id,
        @JsonProperty("manifest") Digest manifest,
        @JsonProperty("tags") List<String> tags,
        @JsonProperty("repoDigests") List<String> repoDigests,
        @JsonProperty("created") String created,
        @JsonProperty("size") long size,
        @JsonProperty("parent") Digest parent,
        @JsonProperty("lastTagTime") String lastTagTime,
        @JsonProperty("labels") Map<String, String> labels) {

    public ImageRecord {
        tags = tags == null ? List.of() : List.copyOf(tags);
        repoDigests = repoDigests == null ? List.of() : List.copyOf(repoDigests);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public ImageRecord withTags(List<String> newTags, String tagTime) {
        return new ImageRecord(id, manifest, newTags, repoDigests, created, size, parent, tagTime, labels);
    }

    public boolean isDangling() {
        return tags.isEmpty() && repoDigests.isEmpty();
    }
}
