package dev.strata.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidContentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the image index with Jackson's streaming parser rather than data binding: {@code images}
 * reads this file on every start, and binding's reflection would cost more than the whole command.
 */
final class ImageIndexCodec {
    private static final JsonFactory FACTORY = new JsonFactory();

    private ImageIndexCodec() {}

    static List<ImageRecord> read(byte[] raw, String what) {
        try (JsonParser p = FACTORY.createParser(raw)) {
            List<ImageRecord> images = new ArrayList<>();
            expect(p.nextToken(), JsonToken.START_OBJECT, what);
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals("images")) {
                    expect(p.currentToken(), JsonToken.START_ARRAY, what);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        images.add(record(p, what));
                    }
                } else {
                    p.skipChildren();
                }
            }
            return images;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidContentException("malformed " + what + ": " + e.getMessage(), e);
        }
    }

    private static ImageRecord record(JsonParser p, String what) throws IOException {
        Digest id = null;
        Digest manifest = null;
        Digest parent = null;
        List<String> tags = List.of();
        List<String> repoDigests = List.of();
        String created = null;
        String lastTagTime = null;
        long size = 0;
        Map<String, String> labels = Map.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            p.nextToken();
            switch (field) {
                case "id" -> id = Digest.parse(p.getText());
                case "manifest" -> manifest = Digest.parse(p.getText());
                case "parent" -> parent = Digest.parse(p.getText());
                case "tags" -> tags = strings(p);
                case "repoDigests" -> repoDigests = strings(p);
                case "created" -> created = p.getText();
                case "lastTagTime" -> lastTagTime = p.getText();
                case "size" -> size = p.getLongValue();
                case "labels" -> labels = labels(p);
                default -> p.skipChildren();
            }
        }
        if (id == null || manifest == null) {
            throw new InvalidContentException("malformed " + what + ": an entry lacks its id or manifest");
        }
        return new ImageRecord(id, manifest, tags, repoDigests, created, size, parent, lastTagTime, labels);
    }

    private static List<String> strings(JsonParser p) throws IOException {
        List<String> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            list.add(p.getText());
        }
        return list;
    }

    private static Map<String, String> labels(JsonParser p) throws IOException {
        Map<String, String> map = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, p.getText());
        }
        return map;
    }

    private static void expect(JsonToken actual, JsonToken wanted, String what) {
        if (actual != wanted) {
            throw new InvalidContentException("malformed " + what + ": expected " + wanted + ", found " + actual);
        }
    }

    static byte[] write(List<ImageRecord> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("images");
            for (ImageRecord r : images) {
                g.writeStartObject();
                g.writeStringField("id", r.id().toString());
                g.writeStringField("manifest", r.manifest().toString());
                stringArray(g, "tags", r.tags());
                stringArray(g, "repoDigests", r.repoDigests());
                if (r.created() != null) {
                    g.writeStringField("created", r.created());
                }
                g.writeNumberField("size", r.size());
                if (r.parent() != null) {
                    g.writeStringField("parent", r.parent().toString());
                }
                if (r.lastTagTime() != null) {
                    g.writeStringField("lastTagTime", r.lastTagTime());
                }
                if (!r.labels().isEmpty()) {
                    g.writeObjectFieldStart("labels");
                    for (Map.Entry<String, String> e : new TreeMap<>(r.labels()).entrySet()) {
                        g.writeStringField(e.getKey(), e.getValue());
                    }
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode the image index", e);
        }
        return out.toByteArray();
    }

    private static void stringArray(JsonGenerator g, String name, List<String> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
