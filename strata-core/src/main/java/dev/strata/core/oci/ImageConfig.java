package dev.strata.core.oci;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * An image configuration blob (OCI image-spec "config", the same JSON Docker writes). The digest of its
 * raw bytes is the image ID; this record is only for reading fields and for building new configs, never for
 * re-encoding an existing one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder(alphabetic = true)
public record ImageConfig(
        @JsonProperty("architecture") String architecture,
        @JsonProperty("author") String author,
        @JsonProperty("config") ContainerConfig config,
        @JsonProperty("created") String created,
        @JsonProperty("history") List<History> history,
        @JsonProperty("os") String os,
        @JsonProperty("rootfs") RootFs rootfs,
        @JsonProperty("variant") String variant,
        @JsonProperty("comment") String comment,
        @JsonProperty("docker_version") String dockerVersion,
        @JsonProperty("parent") String parent) {

    public ImageConfig {
        history = history == null ? List.of() : List.copyOf(history);
        rootfs = rootfs == null ? new RootFs("layers", List.of()) : rootfs;
        config = config == null ? ContainerConfig.EMPTY : config;
    }

    public static ImageConfig parse(byte[] raw) {
        ImageConfig config = Json.read(raw, ImageConfig.class, "image config");
        if (!"layers".equals(config.rootfs().type())) {
            throw new InvalidContentException("image config has rootfs type \"" + config.rootfs().type() + "\", not \"layers\"");
        }
        return config;
    }

    public byte[] toJson() {
        return Json.write(this);
    }

    /** The creation time, or the epoch if the config has none or an unreadable one. */
    @JsonIgnore
    public Instant createdInstant() {
        return parseTime(created);
    }

    public static Instant parseTime(String text) {
        if (text == null || text.isEmpty()) {
            return Instant.EPOCH;
        }
        try {
            return Rfc3339.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }

    @JsonIgnore
    public List<Digest> diffIds() {
        return rootfs.diffIds();
    }

    /** The list of diffIDs of the layers, bottom first. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"type", "diff_ids"})
    public record RootFs(@JsonProperty("type") String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
        public RootFs {
            diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
        }
    }

    /** One step of how the image was made; {@code emptyLayer} steps have no layer of their own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"created", "created_by", "author", "comment", "empty_layer"})
    public record History(
            @JsonProperty("created") String created,
            @JsonProperty("created_by") String createdBy,
            @JsonProperty("author") String author,
            @JsonProperty("comment") String comment,
            @JsonProperty("empty_layer") boolean emptyLayer) {}
}
