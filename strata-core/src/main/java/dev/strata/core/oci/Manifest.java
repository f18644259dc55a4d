package dev.strata.core.oci;

import java.util.List;
import java.util.Map;

/** An image manifest (OCI or Docker schema 2): one config blob and the layers, bottom first. */
public record Manifest(int schemaVersion, String mediaType, Descriptor config, List<Descriptor> layers,
        Map<String, String> annotations) {

    public Manifest {
        if (config == null) {
            throw new InvalidContentException("manifest has no config descriptor");
        }
        layers = layers == null ? List.of() : List.copyOf(layers);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    public static Manifest parse(byte[] raw) {
        Manifest manifest = ManifestCodec.readManifest(raw);
        if (manifest.schemaVersion() != 2) {
            throw new InvalidContentException("unsupported manifest schemaVersion " + manifest.schemaVersion());
        }
        return manifest;
    }

    /** The JSON whose digest names this manifest: compact, fields in a fixed order, empty ones left out. */
    public byte[] toJson() {
        return ManifestCodec.write(this);
    }

    /** An OCI manifest for this config and these layers. */
    public static Manifest oci(Descriptor config, List<Descriptor> layers) {
        return new Manifest(2, MediaTypes.OCI_MANIFEST, config, layers, Map.of());
    }
}
