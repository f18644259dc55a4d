package dev.strata.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Golden files of the runtime's JSON, made with the data-binding code that the streaming code replaced (commit
 * "runtime: golden files"): {@code golden/runtime/spec/*.json} are specs as written, {@code golden/runtime/*.outcomes}
 * say what reading each sample input gave ({@code NAME<TAB>OUTCOME} lines). Run a golden test with
 * {@code -Dstrata.golden.record=true} to write them afresh: only for a deliberate change of behaviour.
 */
public final class RuntimeGoldens {
    public static final Path ROOT = Path.of("src/test/resources/golden/runtime");
    public static final boolean RECORD = Boolean.getBoolean("strata.golden.record");

    private RuntimeGoldens() {}

    /** What calling {@code read} gave: {@code ok VALUE} or {@code error TYPE[ KIND]: MESSAGE}, on one line. */
    public static String outcome(Callable<?> read) {
        try {
            return "ok " + oneLine(String.valueOf(read.call()));
        } catch (Exception e) {
            String kind = e instanceof StrataException s ? " " + s.kind() : "";
            return "error " + e.getClass().getSimpleName() + kind + ": " + oneLine(String.valueOf(e.getMessage()));
        }
    }

    private static String oneLine(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
    }

    /** In record mode writes {@code file}; else asserts the outcomes are those recorded in it. */
    public static void check(String file, Map<String, String> outcomes) {
        StringBuilder text = new StringBuilder();
        outcomes.forEach((name, outcome) -> text.append(name).append('\t').append(outcome).append('\n'));
        Path path = ROOT.resolve(file);
        try {
            if (RECORD) {
                Files.createDirectories(path.getParent());
                Files.writeString(path, text, StandardCharsets.UTF_8);
            } else {
                assertThat(text.toString()).isEqualTo(Files.readString(path, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
