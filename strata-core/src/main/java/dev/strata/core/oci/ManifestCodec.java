package dev.strata.core.oci;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON of manifests, indexes and their descriptors, on the streaming API. Field order and omissions are the ones
 * the data-binding codec had (golden files hold them): a manifest's bytes are digested, so they must not change.
 * Unknown fields ({@code subject}, {@code artifactType}, {@code urls}, {@code os.version} …) are skipped.
 */
final class ManifestCodec {
    private ManifestCodec() {}

    static Manifest readManifest(byte[] raw) {
        return StreamingJson.parse(raw, "image manifest", p -> {
            int schemaVersion = 0;
            String mediaType = null;
            Descriptor config = null;
            List<Descriptor> layers = null;
            Map<String, String> annotations = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "schemaVersion" -> schemaVersion = StreamingJson.intValue(p);
                    case "mediaType" -> mediaType = StreamingJson.string(p);
                    case "config" -> config = descriptor(p);
                    case "layers" -> layers = StreamingJson.list(p, ManifestCodec::descriptor, false);
                    case "annotations" -> annotations = StreamingJson.stringMap(p, false);
                    default -> p.skipChildren();
                }
            }
            return new Manifest(schemaVersion, mediaType, config, layers, annotations);
        });
    }

    static Index readIndex(byte[] raw) {
        return StreamingJson.parse(raw, "image index", p -> {
            int schemaVersion = 0;
            String mediaType = null;
            List<Descriptor> manifests = null;
            Map<String, String> annotations = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "schemaVersion" -> schemaVersion = StreamingJson.intValue(p);
                    case "mediaType" -> mediaType = StreamingJson.string(p);
                    case "manifests" -> manifests = StreamingJson.list(p, ManifestCodec::descriptor, false);
                    case "annotations" -> annotations = StreamingJson.stringMap(p, false);
                    default -> p.skipChildren();
                }
            }
            return new Index(schemaVersion, mediaType, manifests, annotations);
        });
    }

    private static Descriptor descriptor(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        String mediaType = null;
        Digest digest = null;
        long size = 0;
        Map<String, String> annotations = null;
        Platform platform = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "mediaType" -> mediaType = StreamingJson.string(p);
                case "digest" -> digest = StreamingJson.digest(p);
                case "size" -> size = StreamingJson.longValue(p);
                case "annotations" -> annotations = StreamingJson.stringMap(p, false);
                case "platform" -> platform = platform(p);
                default -> p.skipChildren();
            }
        }
        if (digest == null) {
            throw new InvalidContentException("a descriptor has no digest");
        }
        return new Descriptor(mediaType, digest, size, annotations, platform);
    }

    private static Platform platform(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        String architecture = null;
        String os = null;
        String variant = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "architecture" -> architecture = StreamingJson.string(p);
                case "os" -> os = StreamingJson.string(p);
                case "variant" -> variant = StreamingJson.string(p);
                default -> p.skipChildren();
            }
        }
        return new Platform(architecture, os, variant);
    }

    static byte[] write(Manifest m) {
        return StreamingJson.write(m, (g, v) -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", v.schemaVersion());
            JsonWriting.nonEmpty(g, "mediaType", v.mediaType());
            g.writeFieldName("config");
            descriptor(g, v.config());
            JsonWriting.nonEmpty(g, "layers", v.layers(), ManifestCodec::descriptor);
            JsonWriting.nonEmpty(g, "annotations", v.annotations());
            g.writeEndObject();
        });
    }

    static byte[] write(Index index) {
        return StreamingJson.write(index, (g, v) -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", v.schemaVersion());
            JsonWriting.nonEmpty(g, "mediaType", v.mediaType());
            JsonWriting.nonEmpty(g, "manifests", v.manifests(), ManifestCodec::descriptor);
            JsonWriting.nonEmpty(g, "annotations", v.annotations());
            g.writeEndObject();
        });
    }

    /** A platform, even one of nulls, is written ({@code {}}): only its null fields are left out. */
    private static void descriptor(JsonGenerator g, Descriptor d) throws IOException {
        g.writeStartObject();
        JsonWriting.nonEmpty(g, "mediaType", d.mediaType());
        JsonWriting.digest(g, "digest", d.digest());
        g.writeNumberField("size", d.size());
        JsonWriting.nonEmpty(g, "annotations", d.annotations());
        if (d.platform() != null) {
            Platform p = d.platform();
            g.writeObjectFieldStart("platform");
            if (p.architecture() != null) {
                g.writeStringField("architecture", p.architecture());
            }
            if (p.os() != null) {
                g.writeStringField("os", p.os());
            }
            if (p.variant() != null) {
                g.writeStringField("variant", p.variant());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }
}
