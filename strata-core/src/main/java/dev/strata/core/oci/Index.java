package dev.strata.core.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** An image index (OCI) or manifest list (Docker): descriptors of manifests, usually one per platform. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schemaVersion", "mediaType", "manifests", "annotations"})
public record Index(
        @JsonProperty("schemaVersion") int schemaVersion,
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("manifests") List<Descriptor> manifests,
        @JsonProperty("annotations") Map<String, String> annotations) {

    public Index {
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static Index parse(byte[] raw) {
        Index index = Json.read(raw, Index.class, "image index");
        if (index.schemaVersion() != 2) {
            throw new InvalidContentException("unsupported index schemaVersion " + index.schemaVersion());
        }
        return index;
    }

    public static Index oci(List<Descriptor> manifests) {
        return new Index(2, MediaTypes.OCI_INDEX, manifests, Map.of());
    }
}
