package dev.strata.core.oci;

import java.util.List;
import java.util.Map;

/** An image index (OCI) or manifest list (Docker): descriptors of manifests, usually one per platform. */
public record Index(int schemaVersion, String mediaType, List<Descriptor> manifests, Map<String, String> annotations) {

    public Index {
        manifests = manifests == null ? List.of() : List.copyOf(manifests);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static Index parse(byte[] raw) {
        Index index = ManifestCodec.readIndex(raw);
        if (index.schemaVersion() != 2) {
            throw new InvalidContentException("unsupported index schemaVersion " + index.schemaVersion());
        }
        return index;
    }

    /** Compact JSON, fields in a fixed order, empty ones left out. */
    public byte[] toJson() {
        return ManifestCodec.write(this);
    }

    public static Index oci(List<Descriptor> manifests) {
        return new Index(2, MediaTypes.OCI_INDEX, manifests, Map.of());
    }
}
