package dev.strata.core.runtime;

import static dev.strata.core.runtime.JsonValues.path;

import dev.strata.core.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Readers of the JSON that runc prints or reads: {@code runc state}, {@code runc ps --format json}, a process file.
 * Lenient as the data-binding readers they replace were (see {@link JsonValues}). Thread-safe: stateless.
 */
final class RuncOutput {
    private RuncOutput() {}

    static RuntimeState state(String id, String json) {
        Object state = JsonValues.read(json.getBytes(StandardCharsets.UTF_8), "runc state of " + id);
        try {
            return new RuntimeState(JsonValues.text(path(state, "id"), id),
                    RuntimeStatus.parse(JsonValues.text(path(state, "status"))),
                    JsonValues.intValue(path(state, "pid")), Path.of(JsonValues.text(path(state, "bundle"))),
                    Instant.parse(JsonValues.text(path(state, "created"))));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidContentException("malformed runc state of " + id + ": " + e.getMessage(), e);
        }
    }

    static List<Integer> pids(String json) {
        Object pids = JsonValues.read(json.getBytes(StandardCharsets.UTF_8), "runc ps output");
        List<Integer> list = new ArrayList<>();
        for (Object pid : JsonValues.elements(pids)) { // a container without processes gives `null`
            list.add(JsonValues.intValue(pid));
        }
        return List.copyOf(list);
    }

    static boolean wantsTerminal(byte[] process, String what) {
        return JsonValues.bool(path(JsonValues.read(process, what), "terminal"), false);
    }
}
