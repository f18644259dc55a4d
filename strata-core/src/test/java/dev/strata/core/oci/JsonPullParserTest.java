package dev.strata.core.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link JsonPullParser} against Jackson, the parser it replaces: same tokens, names, texts, numbers, refusals. */
class JsonPullParserTest {
    private static final JsonFactory JACKSON = new JsonFactory();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void readsRandomDocumentsAsJacksonDoes() throws IOException {
        RandomJson random = new RandomJson(42);
        for (int i = 0; i < 1000; i++) {
            byte[] json = bytes(random.document());
            String shown = new String(json, StandardCharsets.UTF_8);

            assertThat(ours(json)).as(shown).isEqualTo(jackson(json));
            JsonPullParser p = new JsonPullParser(json);
            p.nextToken();
            assertThat(StreamingJson.any(p)).as(shown).isEqualTo(MAPPER.readValue(json, Object.class));
        }
    }

    @Test
    void readsDocumentsJacksonWroteAsJacksonReadsThem() throws IOException {
        RandomJson random = new RandomJson(7);
        for (int i = 0; i < 200; i++) {
            Object tree = MAPPER.readValue(random.document(), Object.class);
            byte[] json = (i % 2 == 0 ? MAPPER.writerWithDefaultPrettyPrinter() : MAPPER.writer()).writeValueAsBytes(tree);
            assertThat(ours(json)).as(new String(json, StandardCharsets.UTF_8)).isEqualTo(jackson(json));
        }
    }

    @Test
    void decodesEscapesSurrogatePairsLoneSurrogatesAndMultibyteText() {
        JsonPullParser p = parser("[\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\", \"\\u00e9\\ud83d\\ude00\", \"日本語 ü😀\", \"x\\ud800\"]");
        List<String> texts = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            if (t == JsonToken.VALUE_STRING) {
                texts.add(p.getText());
            }
        }
        assertThat(texts).containsExactly("a\"b\\c/d\b\f\n\r\t", "é😀", "日本語 ü😀", "x\ud800");
    }

    @Test
    void readsNumbersAsJacksonTypesThem() {
        JsonPullParser p = parser("[0, -0, -7, 2147483648, 9223372036854775807, 9223372036854775808, "
                + "-9223372036854775809, 1.5, -2e3, 1E+2, 1e400]");
        List<Object> values = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            if (t.isScalarValue()) {
                values.add(p.getNumberValue());
            }
        }
        assertThat(values).containsExactly(0, 0, -7, 2147483648L, Long.MAX_VALUE, new BigInteger("9223372036854775808"),
                new BigInteger("-9223372036854775809"), 1.5, -2000.0, 100.0, Double.POSITIVE_INFINITY);
    }

    @Test
    void refusesNumbersOutOfRangeAsJacksonDoes() {
        JsonPullParser p = parser("[2147483648, 9223372036854775808, 3e10, \"7\", true]");
        p.nextToken();
        p.nextToken();
        assertThatThrownBy(p::getIntValue).isInstanceOf(MalformedJsonException.class)
                .hasMessage("Numeric value (2147483648) out of range of int (-2147483648 - 2147483647)");
        assertThat(p.getLongValue()).isEqualTo(2147483648L);
        p.nextToken();
        assertThatThrownBy(p::getLongValue)
                .hasMessage("Numeric value (9223372036854775808) out of range of long (-9223372036854775808 - 9223372036854775807)");
        p.nextToken();
        assertThatThrownBy(p::getIntValue).hasMessageStartingWith("Numeric value (3e10) out of range of int");
        assertThat(p.getLongValue()).isEqualTo(30_000_000_000L);
        p.nextToken();
        assertThatThrownBy(p::getIntValue).hasMessage("Current token (VALUE_STRING) not numeric, can not use numeric value accessors");
        assertThatThrownBy(p::getBooleanValue).hasMessage("Current token (VALUE_STRING) not of boolean type");
        p.nextToken();
        assertThat(p.getBooleanValue()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "[", "[1,]", "[,1]", "{,}", "{\"a\":}", "{\"a\" 1}", "{a:1}", "{\"a\":1,}", "{\"a\":1 \"b\":2}",
        "[1 2]", "[1}", "{\"a\":1]", "]", "}", "{\"a\":1}}", "[1]]", "[01]", "[-01]", "[00]", "[1.]", "[-]", "[1e]", "[1e+]",
        "[.5]", "+1", "[0x10]", "1x", "tru", "nul", "truex", "[nulls]", "[NaN]", "[Infinity]", "[-Infinity]", "/*c*/[1]",
        "[1]//c", "# c\n[1]", "['a']", "{'a':1}", "\"abc", "[\"a\"", "{\"a\"", "{\"a\":1", "{\"a\":[", "\"\\x\"", "\"\\'\"",
        "\"\\u12\"", "\"\\u12g4\"", "\"a\tb\"", "\"a\u0001b\"", "\"a\nb\"", "\u000b[1]", "[1]\u0000", "[1] x", "\"a\" \"b\"x"})
    void refusesWhatJacksonRefusesSayingWhere(String text) {
        byte[] json = bytes(text);
        assertThatThrownBy(() -> jackson(json)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ours(json)).isInstanceOf(MalformedJsonException.class).hasMessageContaining(" at byte ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"22 80 22", "22 e2 82 22", "22 f8 88 80 80 22", "5b 22 c3", "ff"})
    void refusesBytesJacksonRefusesAsUtf8(String hex) {
        byte[] json = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
        assertThatThrownBy(() -> jackson(json)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ours(json)).isInstanceOf(MalformedJsonException.class);
    }

    /** Where RFC 8259 is stricter than Jackson: ill-formed UTF-8 and a second document after the first. */
    @ParameterizedTest
    @ValueSource(strings = {"22 c0 80 22", "22 ed a0 80 22", "22 f4 90 80 80 22", "31 20 32", "5b 5d 20 5b 5d"})
    void refusesWhatJacksonTakesButRfc8259DoesNot(String hex) throws IOException {
        byte[] json = java.util.HexFormat.ofDelimiter(" ").parseHex(hex);
        jackson(json);
        assertThatThrownBy(() -> ours(json)).isInstanceOf(MalformedJsonException.class);
    }

    @Test
    void saysWhatIsWrongAndAtWhichByte() {
        assertThat(offsetOf("{\"a\":01}")).isEqualTo(5);
        assertThat(offsetOf("[1,]")).isEqualTo(3);
        assertThat(offsetOf("\"a\tb\"")).isEqualTo(2);
        assertThatThrownBy(() -> ours(bytes("[1,]"))).hasMessage("Unexpected character ']': expected a value at byte 3");
        assertThatThrownBy(() -> ours(bytes("{\"a\":"))).hasMessage("Unexpected end-of-input: expected a value at byte 5");
    }

    @Test
    void nestsAsDeepAsJacksonAndNoDeeper() throws IOException {
        byte[] deepest = bytes("[".repeat(1000) + "]".repeat(1000));
        assertThat(ours(deepest)).isEqualTo(jackson(deepest));
        byte[] deeper = bytes("[".repeat(1001) + "]".repeat(1001));
        assertThatThrownBy(() -> jackson(deeper)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ours(deeper)).hasMessageContaining("nesting deeper than 1000 levels");
        assertThatThrownBy(() -> ours(bytes("{\"a\":".repeat(100_000)))).hasMessageContaining("nesting deeper");
    }

    @Test
    void takesNumbersOfAThousandDigitsAndNoMore() throws IOException {
        byte[] longest = bytes("[-" + "9".repeat(1000) + ", 0." + "1".repeat(999) + "]");
        assertThat(ours(longest)).isEqualTo(jackson(longest));
        byte[] longer = bytes("[" + "1".repeat(1001) + "]");
        assertThatThrownBy(() -> jackson(longer)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ours(longer)).hasMessageContaining("more than 1000 digits");
    }

    @Test
    void skipsAByteOrderMarkAndEndsWithoutContent() throws IOException {
        byte[] bom = bytes("\ufeff{\"a\":[true]}");
        assertThat(ours(bom)).isEqualTo(jackson(bom));
        assertThat(new JsonPullParser(bytes(" \n\t")).nextToken()).isNull();
    }

    @Test
    void skipChildrenMovesToTheMatchingEnd() {
        JsonPullParser p = parser("{\"a\":{\"b\":[1,{\"c\":[]}],\"d\":2},\"e\":3}");
        p.nextToken();
        p.nextToken();
        p.nextToken();
        p.skipChildren();
        assertThat(p.currentToken()).isEqualTo(JsonToken.END_OBJECT);
        assertThat(p.currentName()).isEqualTo("a");
        assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
        assertThat(p.getText()).isEqualTo("e");
        p.nextToken();
        p.skipChildren(); // a scalar: stays
        assertThat(p.getIntValue()).isEqualTo(3);
    }

    @Test
    void streamingJsonIgnoresContentAfterTheObjectAsDataBindingDid() {
        assertThat(StreamingJson.parse(bytes("{\"a\":\"b\"} trailing ]"), "doc", StreamingJson::objectMap))
                .containsExactly(java.util.Map.entry("a", "b"));
    }

    private static long offsetOf(String text) {
        try {
            ours(bytes(text));
        } catch (MalformedJsonException e) {
            return e.offset();
        }
        throw new AssertionError("accepted: " + text);
    }

    /** Every token with its name, text and numeric readings; reading to the end refuses whatever follows. */
    static List<String> ours(byte[] json) {
        JsonPullParser p = new JsonPullParser(json);
        List<String> tokens = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
            tokens.add(describe(t.name(), p.currentName(), p.getText(), t.name().startsWith("VALUE_NUMBER"),
                    p::getNumberValue, p::getIntValue, p::getLongValue, p::getDoubleValue));
        }
        return tokens;
    }

    static List<String> jackson(byte[] json) throws IOException {
        try (JsonParser p = JACKSON.createParser(json)) {
            List<String> tokens = new ArrayList<>();
            for (com.fasterxml.jackson.core.JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                tokens.add(describe(t.name(), p.currentName(), p.getText(), t.isNumeric(),
                        unchecked(p::getNumberValue), unchecked(p::getIntValue), unchecked(p::getLongValue),
                        unchecked(p::getDoubleValue)));
            }
            return tokens;
        }
    }

    private static String describe(String token, String name, String text, boolean numeric,
            Supplier<Number> number, Supplier<Integer> asInt, Supplier<Long> asLong, Supplier<Double> asDouble) {
        String line = token + " name=" + name + " text=" + text;
        if (numeric) {
            Number n = number.get();
            line += " number=" + n.getClass().getSimpleName() + ":" + n + " int=" + attempt(asInt) + " long="
                    + attempt(asLong) + " double=" + asDouble.get();
        }
        return line;
    }

    private static String attempt(Supplier<?> reading) {
        try {
            return String.valueOf(reading.get());
        } catch (RuntimeException e) {
            String message = e.getMessage();
            return "refused: " + message.substring(0, message.indexOf('\n') < 0 ? message.length() : message.indexOf('\n'));
        }
    }

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private static <T> Supplier<T> unchecked(IoSupplier<T> reading) {
        return () -> {
            try {
                return reading.get();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
    }

    private static JsonPullParser parser(String text) {
        return new JsonPullParser(bytes(text));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
