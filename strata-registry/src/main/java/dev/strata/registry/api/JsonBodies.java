package dev.strata.registry.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Small JSON response bodies written with Jackson's streaming generator (no data binding on the request path). */
final class JsonBodies {
    private static final JsonFactory FACTORY = new JsonFactory();

    interface Writer {
        void write(JsonGenerator g) throws IOException;
    }

    private JsonBodies() {}

    static byte[] write(Writer writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            writer.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The spec's error body: {@code {"errors":[{"code","message","detail"}]}}. */
    static byte[] error(String code, String message) {
        return write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("errors");
            g.writeStartObject();
            g.writeStringField("code", code);
            g.writeStringField("message", message);
            g.writeObjectFieldStart("detail");
            g.writeEndObject();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
        });
    }
}
