package dev.strata.core.oci;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/** An image manifest (OCI or Docker schema 2): one config blob and the layers, bottom first. */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"schemaVersion", "mediaType", "config", "layers", "annotations"})
public record Manifest(
        @JsonProperty("schemaVersion") int schemaVersion,
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("config") Descriptor config,
        @JsonProperty("layers") List<Descriptor> layers,
        @JsonProperty("annotations") Map<String, String> annotations) {

    public Manifest {
        if (config == null) {
            throw new InvalidContentException("manifest has no config descriptor");
        }
        layers = layers == null ? List.of() : List.copyOf(layers);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static Manifest parse(byte[] raw) {
        Manifest manifest = Json.read(raw, Manifest.class, "image manifest");
        if (manifest.schemaVersion() != 2) {
            throw new InvalidContentException("unsupported manifest schemaVersion " + manifest.schemaVersion());
        }
        return manifest;
    }

    /** An OCI manifest for this config and these layers. */
    public static Manifest oci(Descriptor config, List<Descriptor> layers) {
        return new Manifest(2, MediaTypes.OCI_MANIFEST, config, layers, Map.of());
    }
}
