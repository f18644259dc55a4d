package dev.strata.core.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * The project's data-binding JSON codec, for trees and the documents off the hot path. Output is compact and in a
 * stable order, so the same value always gives the same bytes (and so the same digest). Manifests, indexes, image
 * configs, container records and snapshot info have streaming codecs instead ({@link StreamingJson}): building
 * this mapper and its serializers costs more at start-up than a short command. Thread-safe: the mapper is
 * configured once and never changed.
 */
public final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses bytes as {@code type}; {@code what} names the document in the error. */
    public static <T> T read(byte[] raw, Class<T> type, String what) {
        try {
            return MAPPER.readValue(raw, type);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidContentException("malformed " + what + ": " + firstLine(e.getMessage()), e);
        }
    }

    public static JsonNode tree(byte[] raw, String what) {
        try {
            return MAPPER.readTree(raw);
        } catch (IOException e) {
            throw new InvalidContentException("malformed " + what + ": " + firstLine(e.getMessage()), e);
        }
    }

    public static byte[] write(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static String pretty(Object value) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
