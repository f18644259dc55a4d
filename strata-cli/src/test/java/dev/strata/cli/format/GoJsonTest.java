package dev.strata.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Go's encoding/json output (https://pkg.go.dev/encoding/json), compact as Encoder writes it. */
class GoJsonTest {

    @Test
    void mapKeysAreSorted() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("b", List.of(1, "x"));
        m.put("a", Map.of("z", true));
        m.put("C", 1);
        assertThat(GoJson.encode(m, false)).isEqualTo("{\"C\":1,\"a\":{\"z\":true},\"b\":[1,\"x\"]}");
    }

    @Test
    void integerKeysBecomeStringsSortedAsStrings() {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put(9, "nine");
        m.put(10, "ten");
        assertThat(GoJson.encode(m, false)).isEqualTo("{\"10\":\"ten\",\"9\":\"nine\"}");
    }

    @Test
    void htmlEscapingIsOptional() {
        assertThat(GoJson.encode("<none>&", false)).isEqualTo("\"<none>&\"");
        assertThat(GoJson.encode("<none>&", true)).isEqualTo("\"\\u003cnone\\u003e\\u0026\"");
    }

    @Test
    void stringEscapes() {
        assertThat(GoJson.encode("q\"b\\\b\f\n\r\t\u0001\u007f é\u2028", false))
                .isEqualTo("\"q\\\"b\\\\\\b\\f\\n\\r\\t\\u0001\u007f é\\u2028\"");
    }

    @Test
    void floatsUseGoFormatting() {
        assertThat(GoJson.encode(List.of(1.0, 1.5, 1e20, 1e21, 1e-7, 0.000001, 123456789.0, -0.5), false))
                .isEqualTo("[1,1.5,100000000000000000000,1e+21,1e-7,0.000001,123456789,-0.5]");
        assertThat(GoJson.encode(0.1f, false)).isEqualTo("0.1");
        assertThatThrownBy(() -> GoJson.encode(Double.NaN, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("json: unsupported value: NaN");
    }

    @Test
    void nilsAndEmptyValues() {
        assertThat(GoJson.encode(Arrays.asList(null, GoNil.SLICE, GoNil.MAP, List.of(), Map.of()), false))
                .isEqualTo("[null,null,null,[],{}]");
    }

    @Test
    void recordsKeepComponentOrder() {
        record Point(int Y, int X) {
        }
        assertThat(GoJson.encode(new Point(2, 1), false)).isEqualTo("{\"Y\":2,\"X\":1}");
    }

    @Test
    void marshalersAndTimes() {
        JsonMarshaler raw = () -> "{\"raw\":true}";
        assertThat(GoJson.encode(List.of(raw, Instant.parse("2024-01-02T03:04:05.500Z")), false))
                .isEqualTo("[{\"raw\":true},\"2024-01-02T03:04:05.5Z\"]");
    }
}
