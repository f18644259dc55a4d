package dev.strata.core.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.JsonPullParser;
import dev.strata.core.oci.MalformedJsonException;
import dev.strata.core.oci.StreamingJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes the image index: written with Jackson's streaming generator, read with {@link JsonPullParser}
 * into a tree ({@link StreamingJson#any}), since {@code images} reads this file on every start and a Jackson
 * parser's first use costs more than the rest of the read (see there). Neither uses data binding, whose reflection
 * would cost more than the whole command.
 */
final class ImageIndexCodec {
    private ImageIndexCodec() {}

    static List<ImageRecord> read(byte[] raw, String what) {
        try {
            if (!(tree(raw) instanceof Map<?, ?> document)) {
                throw new InvalidContentException("malformed " + what + ": not a JSON object");
            }
            Object entries = document.get("images");
            if (entries == null) {
                return List.of();
            }
            if (!(entries instanceof List<?> list)) {
                throw new InvalidContentException("malformed " + what + ": \"images\" is not an array");
            }
            List<ImageRecord> images = new ArrayList<>(list.size());
            for (Object entry : list) {
                if (!(entry instanceof Map<?, ?> fields)) {
                    throw new InvalidContentException("malformed " + what + ": an entry is not an object");
                }
                images.add(record(fields, what));
            }
            return images;
        } catch (MalformedJsonException | IllegalArgumentException e) { // the latter: a value refused by its type
            throw new InvalidContentException("malformed " + what + ": " + e.getMessage(), e);
        }
    }

    /** The whole document as maps, lists and scalars: nothing but whitespace may follow it. */
    private static Object tree(byte[] raw) {
        JsonPullParser p = new JsonPullParser(raw);
        if (p.nextToken() == null) {
            throw p.refuse("no content");
        }
        Object document = StreamingJson.any(p);
        p.nextToken();
        return document;
    }

    private static ImageRecord record(Map<?, ?> fields, String what) {
        Digest id = digest(fields.get("id"), what);
        Digest manifest = digest(fields.get("manifest"), what);
        if (id == null || manifest == null) {
            throw new InvalidContentException("malformed " + what + ": an entry lacks its id or manifest");
        }
        return new ImageRecord(id, manifest, strings(fields.get("tags"), what), strings(fields.get("repoDigests"), what),
                text(fields.get("created"), what), size(fields.get("size"), what), digest(fields.get("parent"), what),
                text(fields.get("lastTagTime"), what), labels(fields.get("labels"), what));
    }

    private static Digest digest(Object value, String what) {
        String text = text(value, what);
        return text == null ? null : Digest.parse(text);
    }

    private static String text(Object value, String what) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw new InvalidContentException("malformed " + what + ": expected a string, found " + value);
    }

    private static long size(Object value, String what) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Integer || value instanceof Long) { // the tree gives the smaller type that holds it
            return ((Number) value).longValue();
        }
        throw new InvalidContentException("malformed " + what + ": expected an integer size, found " + value);
    }

    private static List<String> strings(Object value, String what) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new InvalidContentException("malformed " + what + ": expected an array of strings, found " + value);
        }
        List<String> strings = new ArrayList<>(list.size());
        for (Object element : list) {
            strings.add(text(element, what));
        }
        return strings;
    }

    private static Map<String, String> labels(Object value, String what) {
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new InvalidContentException("malformed " + what + ": expected an object of labels, found " + value);
        }
        Map<String, String> labels = new TreeMap<>();
        map.forEach((k, v) -> labels.put((String) k, v == null ? "" : text(v, what)));
        return labels;
    }

    static byte[] write(List<ImageRecord> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) { // made here: reading needs no Jackson
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
