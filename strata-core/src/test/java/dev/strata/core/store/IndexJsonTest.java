package dev.strata.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IndexJsonTest {
    private static final ObjectMapper JACKSON = new ObjectMapper();

    @Test
    void readsWhatJacksonReadsForRandomDocuments() throws Exception {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            Object document = randomValue(random, 0);
            byte[] json = (random.nextBoolean() ? JACKSON.writerWithDefaultPrettyPrinter() : JACKSON.writer())
                    .writeValueAsBytes(document);
            assertThat(IndexJson.parse(json)).as(new String(json, StandardCharsets.UTF_8))
                    .isEqualTo(normalise(JACKSON.readValue(json, Object.class)));
        }
    }

    @Test
    void decodesEscapesSurrogatePairsAndMultibyteText() {
        byte[] json = "[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", \"\\u00e9\\ud83d\\ude00\", \"日本語 ü\"]"
                .getBytes(StandardCharsets.UTF_8);
        assertThat(IndexJson.parse(json)).isEqualTo(List.of("a\"b\\c/d\b\f\n\r\t", "é😀", "日本語 ü"));
    }

    @Test
    void readsNumbersAsLongsOrDoubles() {
        assertThat(IndexJson.parse("[0, -7, 123456789012345678, -9223372036854775808, 1.5, -2e3, 1E+2, 1e400]"
                .getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(List.of(0L, -7L, 123456789012345678L, Long.MIN_VALUE, 1.5, -2000.0, 100.0, Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[1,]", "{\"a\":}", "{\"a\" 1}", "{a:1}", "[01]", "[1.]", "[-]", "[1e]",
            "tru", "nul", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\u12g4\"", "[1] 2", "{\"a\":1,}", "\"a\tb\"", "+1"})
    void rejectsMalformedDocumentsSayingWhere(String text) {
        assertThatThrownBy(() -> IndexJson.parse(text.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at offset");
    }

    @Test
    void refusesDeepNestingInsteadOfOverflowingTheStack() {
        byte[] deep = "[".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> IndexJson.parse(deep)).hasMessageContaining("nesting deeper than");
    }

    @Test
    void indexRecordsSurviveAWriteAndARead() {
        Digest id = Digest.sha256("config".getBytes(StandardCharsets.UTF_8));
        Digest manifest = Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8));
        List<ImageRecord> records = List.of(
                new ImageRecord(id, manifest, List.of("docker.io/library/a:1", "docker.io/x/\"quoted\":é"),
                        List.of("docker.io/library/a@" + manifest), "2026-11-22T10:00:00.123456789Z", 1L << 40, id,
                        "2026-11-22T10:00:01Z", Map.of("k", "v\nw", "ü", "")),
                new ImageRecord(manifest, id, List.of(), List.of(), null, 0, null, null, Map.of()));
        assertThat(ImageIndexCodec.read(ImageIndexCodec.write(records), "the test index")).isEqualTo(records);
    }

    @Test
    void aMalformedIndexIsReportedAsSuch() {
        assertThatThrownBy(() -> ImageIndexCodec.read("{\"images\":[{\"id\":1}]}".getBytes(StandardCharsets.UTF_8), "images/index.json"))
                .isInstanceOf(InvalidContentException.class).hasMessageContaining("malformed images/index.json");
        assertThatThrownBy(() -> ImageIndexCodec.read("{\"images\":[".getBytes(StandardCharsets.UTF_8), "images/index.json"))
                .isInstanceOf(InvalidContentException.class).hasMessageContaining("malformed images/index.json");
        assertThatThrownBy(() -> ImageIndexCodec.read("{\"images\":[{\"id\":\"sha256:00\",\"manifest\":\"sha256:00\"}]}".getBytes(StandardCharsets.UTF_8), "images/index.json"))
                .isInstanceOf(dev.strata.core.StrataException.class).hasMessageContaining("invalid sha256 digest");
    }

    private static Object randomValue(Random random, int depth) {
        int kind = depth > 3 ? 2 + random.nextInt(5) : random.nextInt(7);
        return switch (kind) {
            case 0 -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    map.put(randomString(random), randomValue(random, depth + 1));
                }
                yield map;
            }
            case 1 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            case 2 -> randomString(random);
            case 3 -> random.nextLong() >> random.nextInt(64);
            case 4 -> random.nextBoolean();
            case 5 -> random.nextInt(1000) / 8.0;
            default -> null;
        };
    }

    private static String randomString(Random random) {
        String alphabet = "ab\"\\/\n\t\u0001é日😀 :,{}[]";
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int at = random.nextInt(alphabet.length());
            if (Character.isHighSurrogate(alphabet.charAt(at))) {
                text.append(alphabet, at, at + 2);
            } else if (!Character.isLowSurrogate(alphabet.charAt(at))) {
                text.append(alphabet.charAt(at));
            }
        }
        return text.toString();
    }

    /** Jackson reads small integers as Integer; the index reader reads every integer as Long. */
    private static Object normalise(Object value) {
        if (value instanceof Integer i) {
            return i.longValue();
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, normalise(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(IndexJsonTest::normalise).toList();
        }
        return value;
    }
}
