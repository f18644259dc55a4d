package dev.strata.core.oci;

import java.util.Map;
import java.util.Objects;

/**
 * An OCI content descriptor: what a blob is, its digest and its size (its JSON is written and read by the
 * manifest and index codecs).
 */
public record Descriptor(String mediaType, Digest digest, long size, Map<String, String> annotations, Platform platform) {

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
