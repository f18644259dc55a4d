package dev.strata.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link JsonValues} converts as data binding's tree does: each conversion is compared with {@code JsonNode}'s. */
class JsonValuesTest {
    static final List<String> VALUES = List.of(
            "null", "true", "false", "{}", "{\"a\":1,\"b\":[2]}", "[]", "[1,\"2\",null]",
            "0", "-0", "1", "-1", "2147483647", "2147483648", "-2147483648", "-2147483649", "99999999999",
            "-99999999999", "9223372036854775807", "9223372036854775808", "123456789012345678901234567890",
            "1.5", "-1.5", "0.0", "-0.0", "0.5", "1e3", "1E+3", "1e300", "-1e300", "1e-300", "2147483647.5",
            "2147483648.0", "-2147483648.9", "-2147483649.0", "3.0000000000000001",
            "\"\"", "\" \"", "\"12\"", "\" 7 \"", "\"+5\"", "\"-5\"", "\"+-5\"", "\"--5\"", "\"1.5\"", "\"-3.9\"",
            "\"1e3\"", "\"x\"", "\"-\"", "\"+\"", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"99999999999\"",
            "\"2147483648\"", "\"-2147483648\"", "\"0x10\"", "\"1d\"", "\"1f\"", "\"1_000\"", "\"\\u0661\\u0662\"",
            "\"007\"", "\"true\"", "\" false \"", "\"TRUE\"", "\"null\"", "\"yes\"", "\"0\"", "\"1\"",
            "\"\\u00e9\\n\"");

    @TestFactory
    Stream<DynamicTest> conversionsAreTheTreesConversions() {
        return VALUES.stream().map(v -> DynamicTest.dynamicTest(v, () -> {
            String doc = "{\"v\":" + v + "}";
            JsonNode tree = Json.tree(bytes(doc), "doc");
            Object read = JsonValues.read(bytes(doc), "doc");
            for (String field : List.of("v", "absent")) {
                JsonNode node = tree.path(field);
                Object value = JsonValues.path(read, field);
                String as = field + " = " + v;
                assertThat(JsonValues.has(read, field)).as(as).isEqualTo(tree.has(field));
                assertThat(JsonValues.text(value)).as(as).isEqualTo(node.asText());
                assertThat(JsonValues.text(value, "dflt")).as(as).isEqualTo(node.asText("dflt"));
                assertThat(JsonValues.intValue(value)).as(as).isEqualTo(node.asInt());
                assertThat(JsonValues.canConvertToInt(value)).as(as).isEqualTo(node.canConvertToInt());
                assertThat(JsonValues.bool(value, false)).as(as).isEqualTo(node.asBoolean(false));
                assertThat(JsonValues.bool(value, true)).as(as).isEqualTo(node.asBoolean(true));
                List<String> elements = new ArrayList<>();
                node.forEach(e -> elements.add(e.asText()));
                assertThat(JsonValues.elements(value).stream().map(JsonValues::text).toList()).as(as)
                        .isEqualTo(elements);
            }
        }));
    }

    @Test
    void topLevelValuesOfAnyKindAndNoContentRead() {
        assertThat(JsonValues.read(bytes("[1,2]"), "doc")).isEqualTo(List.of(1, 2));
        assertThat(JsonValues.read(bytes("null"), "doc")).isNull();
        assertThat(JsonValues.read(bytes(" \n"), "doc")).isSameAs(JsonValues.MISSING);
        assertThat(JsonValues.path(JsonValues.MISSING, "a")).isSameAs(JsonValues.MISSING);
        assertThat(JsonValues.read(bytes("{\"a\":1} trailing"), "doc")).isEqualTo(java.util.Map.of("a", 1));
    }

    @Test
    void badSyntaxIsMalformedContentWithTheParsersFirstLine() {
        assertThatThrownBy(() -> JsonValues.read(bytes("{\"a\":"), "runc state of c1"))
                .isInstanceOf(InvalidContentException.class)
                .hasMessageStartingWith("malformed runc state of c1: Unexpected end-of-input")
                .hasMessageNotContaining("\n");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
