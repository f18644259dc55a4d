package dev.strata.core.oci;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * JSON of image configs (with their container config, rootfs and history), on the streaming API. What this
 * writes is digested into an image ID, so field order and omissions are exactly the data-binding codec's (golden
 * files hold them): top-level fields alphabetical, the container config in Docker's order, maps sorted, empty
 * and null fields left out (but for rootfs's {@code diff_ids} and history's {@code empty_layer}). Fields other
 * engines add ({@code container_config}, {@code container}, {@code os.version} …) are skipped on reading.
 */
final class ImageConfigCodec {
    private static final String WHAT = "image config";

    private ImageConfigCodec() {}

    static ImageConfig read(byte[] raw) {
        return StreamingJson.parse(raw, WHAT, p -> {
            String architecture = null;
            String author = null;
            ContainerConfig config = null;
            String created = null;
            List<ImageConfig.History> history = null;
            String os = null;
            ImageConfig.RootFs rootfs = null;
            String variant = null;
            String comment = null;
            String dockerVersion = null;
            String parent = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "architecture" -> architecture = StreamingJson.string(p);
                    case "author" -> author = StreamingJson.string(p);
                    case "config" -> config = containerConfig(p);
                    case "created" -> created = StreamingJson.string(p);
                    case "history" -> history = StreamingJson.list(p, ImageConfigCodec::history, false);
                    case "os" -> os = StreamingJson.string(p);
                    case "rootfs" -> rootfs = rootfs(p);
                    case "variant" -> variant = StreamingJson.string(p);
                    case "comment" -> comment = StreamingJson.string(p);
                    case "docker_version" -> dockerVersion = StreamingJson.string(p);
                    case "parent" -> parent = StreamingJson.string(p);
                    default -> p.skipChildren();
                }
            }
            return new ImageConfig(architecture, author, config, created, history, os, rootfs, variant, comment,
                    dockerVersion, parent);
        });
    }

    /** Docker's container config; its lists and maps stay as read (nulls inside included), as they always have. */
    private static ContainerConfig containerConfig(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        ContainerConfig.Builder b = ContainerConfig.EMPTY.toBuilder();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "User" -> b.user = StreamingJson.string(p);
                case "ExposedPorts" -> b.exposedPorts = StreamingJson.map(p, StreamingJson::objectMap, true);
                case "Env" -> b.env = StreamingJson.strings(p, true);
                case "Entrypoint" -> b.entrypoint = StreamingJson.strings(p, true);
                case "Cmd" -> b.cmd = StreamingJson.strings(p, true);
                case "Healthcheck" -> b.healthcheck = StreamingJson.objectMap(p);
                case "ArgsEscaped" -> b.argsEscaped = StreamingJson.booleanValue(p);
                case "Volumes" -> b.volumes = StreamingJson.map(p, StreamingJson::objectMap, true);
                case "WorkingDir" -> b.workingDir = StreamingJson.string(p);
                case "Labels" -> b.labels = StreamingJson.stringMap(p, true);
                case "OnBuild" -> b.onBuild = StreamingJson.strings(p, true);
                case "StopSignal" -> b.stopSignal = StreamingJson.string(p);
                case "StopTimeout" -> b.stopTimeout = StreamingJson.integer(p);
                case "Shell" -> b.shell = StreamingJson.strings(p, true);
                default -> p.skipChildren();
            }
        }
        return b.build();
    }

    private static ImageConfig.RootFs rootfs(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        String type = null;
        List<Digest> diffIds = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "type" -> type = StreamingJson.string(p);
                case "diff_ids" -> diffIds = StreamingJson.list(p, StreamingJson::digest, false);
                default -> p.skipChildren();
            }
        }
        return new ImageConfig.RootFs(type, diffIds);
    }

    private static ImageConfig.History history(JsonPullParser p) {
        if (!StreamingJson.startObject(p)) {
            return null;
        }
        String created = null;
        String createdBy = null;
        String author = null;
        String comment = null;
        boolean emptyLayer = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "created" -> created = StreamingJson.string(p);
                case "created_by" -> createdBy = StreamingJson.string(p);
                case "author" -> author = StreamingJson.string(p);
                case "comment" -> comment = StreamingJson.string(p);
                case "empty_layer" -> emptyLayer = StreamingJson.bool(p);
                default -> p.skipChildren();
            }
        }
        return new ImageConfig.History(created, createdBy, author, comment, emptyLayer);
    }

    static byte[] write(ImageConfig config) {
        return StreamingJson.write(config, (g, c) -> {
            g.writeStartObject();
            JsonWriting.nonEmpty(g, "architecture", c.architecture());
            JsonWriting.nonEmpty(g, "author", c.author());
            JsonWriting.nonEmpty(g, "comment", c.comment());
            g.writeFieldName("config");
            containerConfig(g, c.config());
            JsonWriting.nonEmpty(g, "created", c.created());
            JsonWriting.nonEmpty(g, "docker_version", c.dockerVersion());
            JsonWriting.nonEmpty(g, "history", c.history(), ImageConfigCodec::history);
            JsonWriting.nonEmpty(g, "os", c.os());
            JsonWriting.nonEmpty(g, "parent", c.parent());
            g.writeObjectFieldStart("rootfs");
            if (c.rootfs().type() != null) {
                g.writeStringField("type", c.rootfs().type());
            }
            JsonWriting.list(g, "diff_ids", c.rootfs().diffIds(), (gen, d) -> gen.writeString(d.toString()));
            g.writeEndObject();
            JsonWriting.nonEmpty(g, "variant", c.variant());
            g.writeEndObject();
        });
    }

    private static void containerConfig(JsonGenerator g, ContainerConfig c) throws IOException {
        g.writeStartObject();
        JsonWriting.nonEmpty(g, "User", c.user());
        JsonWriting.nonEmpty(g, "ExposedPorts", c.exposedPorts());
        JsonWriting.nonEmptyStrings(g, "Env", c.env());
        JsonWriting.nonEmptyStrings(g, "Entrypoint", c.entrypoint());
        JsonWriting.nonEmptyStrings(g, "Cmd", c.cmd());
        JsonWriting.nonEmpty(g, "Healthcheck", c.healthcheck());
        if (c.argsEscaped() != null) {
            g.writeBooleanField("ArgsEscaped", c.argsEscaped());
        }
        JsonWriting.nonEmpty(g, "Volumes", c.volumes());
        JsonWriting.nonEmpty(g, "WorkingDir", c.workingDir());
        JsonWriting.nonEmpty(g, "Labels", c.labels());
        JsonWriting.nonEmptyStrings(g, "OnBuild", c.onBuild());
        JsonWriting.nonEmpty(g, "StopSignal", c.stopSignal());
        if (c.stopTimeout() != null) {
            g.writeNumberField("StopTimeout", c.stopTimeout());
        }
        JsonWriting.nonEmptyStrings(g, "Shell", c.shell());
        g.writeEndObject();
    }

    private static void history(JsonGenerator g, ImageConfig.History h) throws IOException {
        g.writeStartObject();
        JsonWriting.nonEmpty(g, "created", h.created());
        JsonWriting.nonEmpty(g, "created_by", h.createdBy());
        JsonWriting.nonEmpty(g, "author", h.author());
        JsonWriting.nonEmpty(g, "comment", h.comment());
        g.writeBooleanField("empty_layer", h.emptyLayer());
        g.writeEndObject();
    }
}
