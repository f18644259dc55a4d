package dev.strata.core.volume;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.JsonPullParser;
import dev.strata.core.oci.JsonToken;
import dev.strata.core.oci.MalformedJsonException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.TreeMap;

/**
 * The metadata file of one volume, in the shape of Docker's inspect object plus {@code Anonymous}. Read with
 * {@link JsonPullParser} and written with Jackson's generator: {@code volume ls} reads one per volume, and data
 * binding would cost more than the command. The mountpoint recorded is for people reading the file; the store layout decides the real one.
 */
final class VolumeMetadata {
    private static final JsonFactory FACTORY = new JsonFactory();

    private VolumeMetadata() {}

    static byte[] write(Volume volume) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.writeStartObject();
            g.writeBooleanField("Anonymous", volume.anonymous());
            g.writeStringField("CreatedAt", volume.createdAt().toString());
            g.writeStringField("Driver", volume.driver());
            writeMap(g, "Labels", volume.labels());
            g.writeStringField("Mountpoint", volume.mountpoint().toString());
            g.writeStringField("Name", volume.name());
            writeMap(g, "Options", volume.options());
            g.writeStringField("Scope", volume.scope());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toByteArray();
    }

    /** @param mountpoint where the volume's files are under the current root */
    static Volume read(byte[] raw, Path mountpoint, String what) {
        String name = null;
        String driver = Volume.LOCAL_DRIVER;
        String scope = Volume.LOCAL_SCOPE;
        Instant created = null;
        boolean anonymous = false;
        Map<String, String> labels = Map.of();
        Map<String, String> options = Map.of();
        try {
            JsonPullParser p = new JsonPullParser(raw);
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidContentException("malformed " + what + ": not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "Name" -> name = p.getText();
                    case "Driver" -> driver = p.getText();
                    case "Scope" -> scope = p.getText();
                    case "CreatedAt" -> created = dev.strata.core.oci.Rfc3339.parse(p.getText());
                    case "Anonymous" -> anonymous = p.getBooleanValue();
                    case "Labels" -> labels = readMap(p, what);
                    case "Options" -> options = readMap(p, what);
                    default -> p.skipChildren();
                }
            }
        } catch (MalformedJsonException | DateTimeParseException e) {
            throw new InvalidContentException("malformed " + what + ": " + e.getMessage(), e);
        }
        if (name == null || created == null) {
            throw new InvalidContentException("malformed " + what + ": Name or CreatedAt is missing");
        }
        return new Volume(name, driver, mountpoint, created, labels, options, scope, anonymous);
    }

    private static void writeMap(JsonGenerator g, String field, Map<String, String> map) throws IOException {
        g.writeObjectFieldStart(field);
        for (Map.Entry<String, String> e : map.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static Map<String, String> readMap(JsonPullParser p, String what) {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return Map.of();
        }
        if (p.currentToken() != JsonToken.START_OBJECT) {
            throw new InvalidContentException("malformed " + what + ": expected an object of strings");
        }
        Map<String, String> map = new TreeMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            map.put(key, p.getText());
        }
        return map;
    }
}
