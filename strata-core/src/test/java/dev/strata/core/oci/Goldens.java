package dev.strata.core.oci;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Golden files for the JSON codecs, made once with the data-binding code they replaced (commit "golden files"):
 * {@code write/KIND/NAME.json} are the bytes a sample value was written as, {@code read/KIND/*.json} and
 * {@code read/KIND.quirks} (one document a line) are documents to read, and {@code read/KIND.outcomes} says
 * what reading each of them (and each write golden) gave: {@code ok <description>}, {@code error <message>}
 * or {@code crash <exception>} (an exception that was not a content error).
 */
public final class Goldens {
    public static final Path ROOT = Path.of("src/test/resources/golden");

    private Goldens() {}

    /** A deterministic description of a decoded value: nulls, number types and ordered maps' order all show. */
    public static String describe(Object o) {
        if (o == null) {
            return "null";
        }
        return switch (o) {
            case String s -> quote(s);
            case Digest d -> d.toString();
            case Enum<?> e -> e.name();
            case Boolean b -> b.toString();
            case Integer i -> i + "i";
            case Long l -> l + "L";
            case BigInteger b -> b + "N";
            case Double d -> d + "d";
            case Record r -> record(r);
            case Map<?, ?> m -> map(m);
            case List<?> l -> l.stream().map(Goldens::describe).toList().toString();
            default -> throw new IllegalArgumentException("cannot describe " + o.getClass());
        };
    }

    private static String record(Record r) {
        StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('(');
        RecordComponent[] components = r.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            try {
                components[i].getAccessor().setAccessible(true);
                Object value = components[i].getAccessor().invoke(r);
                sb.append(i == 0 ? "" : ", ").append(components[i].getName()).append('=').append(describe(value));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return sb.append(')').toString();
    }

    /** Maps that keep an order (as decoded documents' maps do) show it; the others show their entries sorted. */
    private static String map(Map<?, ?> m) {
        Map<?, ?> shown = m instanceof LinkedHashMap<?, ?> || m instanceof SortedMap<?, ?> ? m : new TreeMap<>(m);
        List<String> entries = new ArrayList<>();
        shown.forEach((k, v) -> entries.add(quote((String) k) + ":" + describe(v)));
        return (shown == m ? "{" : "unordered{") + String.join(", ", entries) + "}";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /** What reading gave, as the outcome files record it. */
    public static String outcome(Function<byte[], ?> reader, byte[] raw) {
        try {
            return "ok " + describe(reader.apply(raw));
        } catch (InvalidContentException e) {
            return "error " + e.getMessage().replaceAll("[\\x00-\\x1f]", " ");
        } catch (RuntimeException e) {
            return "crash " + e.getClass().getSimpleName();
        }
    }

    /**
     * Asserts a new outcome matches a recorded one: the same value; for a malformed document an error with the
     * same {@code malformed WHAT:} start (the reason's wording may differ); for other errors the same message. A
     * recorded crash, or a document {@code null} that gave no value at all (and a crash later), must now be a
     * malformed-content error: the one deliberate change.
     */
    public static void assertSameOutcome(String name, String recorded, String actual) {
        if (recorded.equals("ok null")) {
            assertThat(actual).as(name + " (was: " + recorded + ")").startsWith("error malformed ");
        } else if (recorded.startsWith("error malformed ")) {
            String prefix = recorded.substring(0, recorded.indexOf(':', "error malformed ".length()) + 1);
            assertThat(actual).as(name + " (was: " + recorded + ")").startsWith(prefix);
        } else if (recorded.startsWith("crash ")) {
            assertThat(actual).as(name + " (was: " + recorded + ")").startsWith("error malformed ");
        } else {
            assertThat(actual).as(name).isEqualTo(recorded);
        }
    }

    /** Each sample written by {@code writer} gives its golden file's bytes. */
    public static <T> Stream<DynamicTest> writes(String kind, Map<String, T> samples, Function<T, byte[]> writer) {
        return samples.entrySet().stream().map(e -> DynamicTest.dynamicTest("write " + kind + " " + e.getKey(), () -> {
            byte[] golden = bytes(ROOT.resolve("write").resolve(kind).resolve(e.getKey() + ".json"));
            byte[] written = writer.apply(e.getValue());
            assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(golden, StandardCharsets.UTF_8));
            assertThat(written).isEqualTo(golden);
        }));
    }

    /** Each recorded document (write goldens, documents, quirk lines) reads with the outcome recorded for it. */
    public static Stream<DynamicTest> reads(String kind, Function<byte[], ?> reader) {
        Map<String, String> recorded = outcomes(ROOT.resolve("read").resolve(kind + ".outcomes"));
        assertThat(recorded).isNotEmpty();
        return recorded.entrySet().stream().map(e -> DynamicTest.dynamicTest("read " + kind + " " + e.getKey(),
                () -> assertSameOutcome(e.getKey(), e.getValue(), outcome(reader, document(kind, e.getKey())))));
    }

    /**
     * Each document that read, written again, gives the bytes the old codec gave: values that only come from
     * decoding (nulls in lists, numbers of every size in healthchecks) are written as before.
     */
    public static <T> Stream<DynamicTest> rereads(String kind, Function<byte[], T> reader, Function<T, byte[]> writer) {
        Map<String, String> recorded = outcomes(ROOT.resolve("write").resolve(kind + ".rereads"));
        assertThat(recorded).isNotEmpty();
        return recorded.entrySet().stream().filter(e -> !e.getValue().equals("null")) // see assertSameOutcome
                .map(e -> DynamicTest.dynamicTest("reread " + kind + " " + e.getKey(), () -> {
            byte[] written = writer.apply(reader.apply(document(kind, e.getKey())));
            assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(e.getValue());
        }));
    }

    /** A recorded document's bytes: {@code write/NAME}, {@code doc/NAME} or {@code quirk/LINE}. */
    public static byte[] document(String kind, String name) {
        String[] parts = name.split("/", 2);
        return switch (parts[0]) {
            case "write" -> bytes(ROOT.resolve("write").resolve(kind).resolve(parts[1] + ".json"));
            case "doc" -> bytes(ROOT.resolve("read").resolve(kind).resolve(parts[1] + ".json"));
            case "quirk" -> lines(ROOT.resolve("read").resolve(kind + ".quirks")).get(Integer.parseInt(parts[1]) - 1)
                    .getBytes(StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static byte[] bytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code .json} files of a directory, by name without the extension, sorted. */
    public static Map<String, Path> documents(Path dir) {
        Map<String, Path> docs = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return docs;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .forEach(f -> docs.put(f.getFileName().toString().replaceFirst("\\.json$", ""), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return docs;
    }

    /** {@code NAME<TAB>OUTCOME} lines as a map. */
    public static Map<String, String> outcomes(Path file) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String line : lines(file)) {
            int tab = line.indexOf('\t');
            map.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return map;
    }
}
