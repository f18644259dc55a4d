package dev.strata.core.image.dockerarchive;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One image in Docker's {@code manifest.json}: the config file, the tags (familiar form), and the layer files
 * bottom first. Field names, order and the {@code null} RepoTags of an untagged image are Docker's; Parent and
 * LayerSources are read but never written.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"Config", "RepoTags", "Layers", "Parent", "LayerSources"})
record DockerManifestEntry(
        @JsonProperty("Config") String config,
        @JsonProperty("RepoTags") @JsonInclude(JsonInclude.Include.ALWAYS) List<String> repoTags,
        @JsonProperty("Layers") List<String> layers,
        @JsonProperty("Parent") @JsonInclude(JsonInclude.Include.NON_EMPTY) String parent,
        @JsonProperty("LayerSources") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, JsonNode> layerSources) {

    DockerManifestEntry {
        // null RepoTags stays null: it is what Docker writes for an untagged image.
        repoTags = repoTags == null ? null : List.copyOf(repoTags);
        layers = layers == null ? List.of() : List.copyOf(layers);
        layerSources = layerSources == null ? Map.of() : Map.copyOf(layerSources);
    }

    /** An entry as Docker 25 writes it. */
    static DockerManifestEntry of(String config, List<String> repoTags, List<String> layers) {
        return new DockerManifestEntry(config, repoTags.isEmpty() ? null : repoTags, layers, null, Map.of());
    }

    /** The tags, empty when Docker wrote {@code null}. */
    List<String> tags() {
        return repoTags == null ? List.of() : repoTags;
    }
}
