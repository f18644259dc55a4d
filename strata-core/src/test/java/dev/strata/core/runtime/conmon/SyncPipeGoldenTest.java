package dev.strata.core.runtime.conmon;

import dev.strata.core.runtime.RuntimeGoldens;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conmon's sync pipe reads as the data-binding reader read it (recorded in
 * {@code golden/runtime/sync-pipe.outcomes}): the report, what comes before it, and lines that only look like one.
 */
class SyncPipeGoldenTest {
    static Map<String, String> pipes() {
        Map<String, String> pipes = new LinkedHashMap<>();
        pipes.put("created", "{\"data\": 4242}\n");
        pipes.put("created-compact-no-newline", "{\"data\":4242}");
        pipes.put("failed", "{\"data\": -1, \"message\": \"runc create failed: unable to start container process:"
                + " exec: \\\"nope\\\": executable file not found in $PATH\"}\n");
        pipes.put("failed-message-first", "{\"message\": \"m\\u00e9ssage\\nline two\", \"data\": -1}\n");
        pipes.put("pid-field", "{\"pid\": 77}\n");
        pipes.put("data-and-pid", "{\"pid\": 77, \"data\": 78}\n");
        pipes.put("data-null-then-pid", "{\"data\": null, \"pid\": 79}\n{\"data\": 80}\n");
        pipes.put("diagnostics-first", "[conmon:w]: something odd\n\n  indented note  \n{\"data\": 5}\nafter\n");
        pipes.put("not-json-brace", "{not json\n{\"data\": 6}\n");
        pipes.put("no-number", "{\"message\": \"only\"}\n{\"data\": \"7\"}\n{\"data\": 8}\n");
        pipes.put("string-data", "{\"data\": \"9\"}\n");
        pipes.put("decimal-data", "{\"data\": 10.7}\n");
        pipes.put("exponent-data", "{\"data\": 1e3}\n");
        pipes.put("huge-data", "{\"data\": 99999999999}\n{\"data\": 11}\n");
        pipes.put("int-range-edge", "{\"data\": 2147483647}\n");
        pipes.put("bool-data", "{\"data\": true}\n");
        pipes.put("object-data", "{\"data\": {\"x\": 1}}\n{\"data\": [1]}\n");
        pipes.put("zero", "{\"data\": 0}\n");
        pipes.put("message-null", "{\"data\": -1, \"message\": null}\n");
        pipes.put("message-number", "{\"data\": -1, \"message\": 42}\n");
        pipes.put("message-object", "{\"data\": -1, \"message\": {\"a\": \"b\"}}\n");
        pipes.put("message-bool", "{\"data\": -1, \"message\": false}\n");
        pipes.put("trailing-garbage", "{\"data\": 12} and more\n");
        pipes.put("two-objects-one-line", "{\"x\": 1}{\"data\": 13}\n");
        pipes.put("truncated", "{\"data\": 14\n");
        pipes.put("nested-data", "{\"outer\": {\"data\": 15}}\n");
        pipes.put("duplicate-data", "{\"data\": 16, \"data\": 17}\n");
        pipes.put("leading-space", " {\"data\": 18}\n");
        pipes.put("array-line", "[{\"data\": 19}]\n");
        pipes.put("crlf", "{\"data\": 20}\r\n");
        pipes.put("nothing", "");
        pipes.put("only-diagnostics", "conmon: cannot open log\nexiting\n");
        pipes.put("stops-at-report", "{\"data\": 21}\n{\"data\": 22}\nlater\n");
        return pipes;
    }

    @Test
    void reportReadsAsRecorded() {
        Map<String, String> outcomes = new LinkedHashMap<>();
        pipes().forEach((name, text) -> outcomes.put(name, RuntimeGoldens.outcome(() ->
                SyncPipe.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))))));
        RuntimeGoldens.check("sync-pipe.outcomes", outcomes);
    }
}
