package dev.strata.core.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Set;

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

    /**
     * Types whose JSON is the streaming codecs': their records no longer carry Jackson annotations, so data binding
     * would give other field names, and for manifests and configs other digests. Refused rather than guessed.
     */
    private static final Set<Class<?>> STREAMED = Set.of(Manifest.class, Index.class, Descriptor.class, Platform.class,
            ImageConfig.class, ContainerConfig.class, ImageConfig.History.class, ImageConfig.RootFs.class);

    private Json() {}

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses bytes as {@code type}; {@code what} names the document in the error. */
    public static <T> T read(byte[] raw, Class<T> type, String what) {
        refuseStreamed(type.isArray() ? type.getComponentType() : type);
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
        refuseStreamed(value.getClass());
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static String pretty(Object value) {
        refuseStreamed(value.getClass());
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    private static void refuseStreamed(Class<?> type) {
        if (STREAMED.contains(type)) {
            throw new IllegalArgumentException("cannot use data binding for " + type.getSimpleName()
                    + ": its JSON is its own codec's (" + type.getSimpleName() + ".parse / toJson)");
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
