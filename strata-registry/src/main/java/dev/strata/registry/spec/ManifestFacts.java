package dev.strata.registry.spec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.StrataException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the registry needs to know of a pushed manifest or index: its media type, the blobs and manifests it
 * references (which must exist), its {@code subject}, and the {@code artifactType} and annotations a referrers
 * listing shows. The raw bytes stay the client's; this is read from them, never written back.
 *
 * @param mediaType the manifest's media type (its {@code mediaType} field, else the request's Content-Type)
 * @param index whether it is an index (manifest list) rather than an image manifest
 * @param blobs blobs that must exist in the repository: config and distributable layers
 * @param manifests manifests that must exist in the repository: an index's children
 * @param subject the manifest this one refers to, if any
 * @param artifactType the type a referrers listing gives it (for an image manifest defaulting to the config's media type)
 */
public record ManifestFacts(String mediaType, boolean index, List<Digest> blobs, List<Digest> manifests,
        Optional<Digest> subject, Optional<String> artifactType, Map<String, String> annotations) {

    public ManifestFacts {
        blobs = List.copyOf(blobs);
        manifests = List.copyOf(manifests);
        annotations = Map.copyOf(annotations);
    }

    /** Every digest this manifest keeps alive in the store (its subject is not its to keep). */
    public List<Digest> references() {
        List<Digest> all = new ArrayList<>(blobs);
        all.addAll(manifests);
        return all;
    }

    /** True for the media types this registry stores as manifests. */
    public static boolean isManifestType(String mediaType) {
        return MediaTypes.isManifest(mediaType) || MediaTypes.isIndex(mediaType);
    }

    /**
     * Reads a pushed manifest.
     *
     * @param contentType the request's Content-Type without parameters, or null
     * @throws RegistryException MANIFEST_INVALID when it is not a manifest this registry accepts
     */
    public static ManifestFacts parse(byte[] raw, String contentType) {
        JsonNode root;
        try {
            root = Json.tree(raw, "manifest");
        } catch (InvalidContentException e) {
            throw invalid(e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw invalid("a manifest is a JSON object");
        }
        JsonNode schemaVersion = root.get("schemaVersion");
        if (schemaVersion == null || !schemaVersion.isInt() || schemaVersion.intValue() != 2) {
            throw invalid("schemaVersion must be 2 (Docker schema 1 manifests are not supported)");
        }
        String declared = text(root, "mediaType");
        String mediaType = declared != null ? declared : contentType != null && isManifestType(contentType) ? contentType
                : root.has("manifests") ? MediaTypes.OCI_INDEX : MediaTypes.OCI_MANIFEST;
        if (declared != null && contentType != null && !contentType.isEmpty() && !declared.equals(contentType)
                && isManifestType(contentType)) {
            throw invalid("the mediaType field \"" + declared + "\" differs from the Content-Type \"" + contentType + "\"");
        }
        if (!isManifestType(mediaType)) {
            throw invalid("unsupported manifest media type \"" + mediaType + "\"");
        }
        boolean isIndex = MediaTypes.isIndex(mediaType);
        List<Digest> blobs = new ArrayList<>();
        List<Digest> manifests = new ArrayList<>();
        String artifactType = text(root, "artifactType");
        if (isIndex) {
            for (JsonNode child : array(root, "manifests", true)) {
                manifests.add(descriptorDigest(child, "manifests[]"));
            }
        } else {
            JsonNode config = root.get("config");
            if (config == null || !config.isObject()) {
                throw invalid("an image manifest needs a config descriptor");
            }
            blobs.add(descriptorDigest(config, "config"));
            if (artifactType == null) {
                artifactType = text(config, "mediaType");
            }
            for (JsonNode layer : array(root, "layers", false)) {
                Digest digest = descriptorDigest(layer, "layers[]");
                if (!isExternal(layer)) {
                    blobs.add(digest);
                }
            }
        }
        Optional<Digest> subject = Optional.empty();
        JsonNode subjectNode = root.get("subject");
        if (subjectNode != null && !subjectNode.isNull()) {
            subject = Optional.of(descriptorDigest(subjectNode, "subject"));
        }
        return new ManifestFacts(mediaType, isIndex, blobs, manifests, subject, Optional.ofNullable(artifactType),
                stringMap(root.get("annotations")));
    }

    /** Layers a registry is not asked to hold: non-distributable (foreign) ones, fetched from their URLs. */
    private static boolean isExternal(JsonNode layer) {
        String type = text(layer, "mediaType");
        return type != null && (type.contains(".nondistributable.") || type.contains(".foreign."));
    }

    private static Iterable<JsonNode> array(JsonNode root, String field, boolean required) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            if (required) {
                throw invalid("an index needs a \"" + field + "\" array");
            }
            return List.of();
        }
        if (!node.isArray()) {
            throw invalid("\"" + field + "\" must be an array");
        }
        return node;
    }

    private static Digest descriptorDigest(JsonNode descriptor, String where) {
        if (!descriptor.isObject()) {
            throw invalid(where + " is not a descriptor object");
        }
        String digest = text(descriptor, "digest");
        JsonNode size = descriptor.get("size");
        if (digest == null || size == null || !size.canConvertToLong() || size.longValue() < 0) {
            throw invalid(where + " needs a digest and a non-negative size");
        }
        try {
            return Digest.parse(digest);
        } catch (StrataException e) {
            throw invalid(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw invalid("\"" + field + "\" must be a string");
        }
        return value.textValue().isEmpty() ? null : value.textValue();
    }

    private static Map<String, String> stringMap(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return map;
        }
        if (!node.isObject()) {
            throw invalid("annotations must be an object of strings");
        }
        node.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw invalid("annotation \"" + e.getKey() + "\" must be a string");
            }
            map.put(e.getKey(), e.getValue().textValue());
        });
        return map;
    }

    private static RegistryException invalid(String reason) {
        return new RegistryException(ErrorCode.MANIFEST_INVALID, "cannot accept the manifest: " + reason);
    }
}
