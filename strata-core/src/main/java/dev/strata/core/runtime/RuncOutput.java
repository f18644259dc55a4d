package dev.strata.core.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Readers of the JSON that runc prints or reads: {@code runc state}, {@code runc ps --format json}, a process file. */
final class RuncOutput {
    private RuncOutput() {}

    static RuntimeState state(String id, String json) {
        JsonNode state = Json.tree(json.getBytes(StandardCharsets.UTF_8), "runc state of " + id);
        try {
            return new RuntimeState(state.path("id").asText(id), RuntimeStatus.parse(state.path("status").asText()),
                    state.path("pid").asInt(), Path.of(state.path("bundle").asText()),
                    Instant.parse(state.path("created").asText()));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new InvalidContentException("malformed runc state of " + id + ": " + e.getMessage(), e);
        }
    }

    static List<Integer> pids(String json) {
        JsonNode pids = Json.tree(json.getBytes(StandardCharsets.UTF_8), "runc ps output");
        List<Integer> list = new ArrayList<>();
        pids.forEach(pid -> list.add(pid.asInt())); // a container without processes gives `null`
        return List.copyOf(list);
    }

    static boolean wantsTerminal(byte[] process, String what) {
        return Json.tree(process, what).path("terminal").asBoolean(false);
    }
}
