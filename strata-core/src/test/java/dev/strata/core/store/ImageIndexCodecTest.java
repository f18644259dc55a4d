package dev.strata.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The image index's codec; the JSON reading itself is JsonPullParserTest's. */
class ImageIndexCodecTest {
    private static final Digest ID = Digest.sha256("config".getBytes(StandardCharsets.UTF_8));
    private static final Digest MANIFEST = Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8));

    @Test
    void indexRecordsSurviveAWriteAndARead() {
        List<ImageRecord> records = List.of(
                new ImageRecord(ID, MANIFEST, List.of("docker.io/library/a:1", "docker.io/x/\"quoted\":é"),
                        List.of("docker.io/library/a@" + MANIFEST), "2026-11-22T10:00:00.123456789Z", 1L << 40, ID,
                        "2026-11-22T10:00:01Z", Map.of("k", "v\nw", "ü", "")),
                new ImageRecord(MANIFEST, ID, List.of(), List.of(), null, 0, null, null, Map.of()));
        assertThat(ImageIndexCodec.read(ImageIndexCodec.write(records), "the test index")).isEqualTo(records);
    }

    @Test
    void sizesOfEveryIntegerWidthRead() {
        for (long size : new long[] {0, 7, 1L << 40, Long.MAX_VALUE}) {
            String json = "{\"images\":[{\"id\":\"" + ID + "\",\"manifest\":\"" + MANIFEST + "\",\"size\":" + size + "}]}";
            assertThat(ImageIndexCodec.read(json.getBytes(StandardCharsets.UTF_8), "index").getFirst().size()).isEqualTo(size);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "{", "[1,]", "{\"images\":[", "{\"images\":[]} x", "{\"images\":[]} {}", "[]",
        "{\"images\":{}}", "{\"images\":[1]}", "{\"images\":[{\"id\":1}]}", "{\"images\":[{\"id\":\"%s\",\"manifest\":\"%s\",\"size\":1.5}]}",
        "{\"images\":[{\"id\":\"%s\",\"manifest\":\"%s\",\"size\":9223372036854775808}]}",
        "{\"images\":[{\"id\":\"%s\",\"manifest\":\"%s\",\"tags\":[1]}]}"})
    void aMalformedIndexIsReportedAsSuch(String text) {
        byte[] json = text.formatted(ID, MANIFEST).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ImageIndexCodec.read(json, "images/index.json"))
                .isInstanceOf(InvalidContentException.class).hasMessageStartingWith("malformed images/index.json: ");
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> ImageIndexCodec.read("{\"images\":[01]}".getBytes(StandardCharsets.UTF_8), "images/index.json"))
                .hasMessage("malformed images/index.json: Invalid numeric value: Leading zeroes not allowed at byte 11");
    }

    @Test
    void aBadDigestIsReported() {
        assertThatThrownBy(() -> ImageIndexCodec.read("{\"images\":[{\"id\":\"sha256:00\",\"manifest\":\"sha256:00\"}]}"
                .getBytes(StandardCharsets.UTF_8), "images/index.json"))
                .isInstanceOf(StrataException.class).hasMessageContaining("invalid sha256 digest");
    }
}
