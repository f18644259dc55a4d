package dev.strata.core.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Map;
import java.util.Objects;

/** An OCI content descriptor: what a blob is, its digest and its size. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"mediaType", "digest", "size", "annotations", "platform"})
public record Descriptor(
        @JsonProperty("mediaType") String mediaType,
        @JsonProperty("digest") Digest digest,
        @JsonProperty("size") long size,
        @JsonProperty("annotations") Map<String, String> annotations,
        @JsonProperty("platform") Platform platform) {

    public Descriptor {
        Objects.requireNonNull(digest, "digest");
        if (size < 0) {
            throw new IllegalArgumentException("negative size " + size);
        }
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public Descriptor(String mediaType, Digest digest, long size) {
        this(mediaType, digest, size, Map.of(), null);
    }

    public Descriptor withAnnotations(Map<String, String> newAnnotations) {
        return new Descriptor(mediaType, digest, size, newAnnotations, platform);
    }
}
