package dev.strata.core.runtime.conmon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.core.oci.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Conmon's report on its sync pipe ({@code _OCI_SYNCPIPE}): one JSON line, {@code {"data": PID}} once the
 * runtime has created the container, or {@code {"data": -1, "message": "..."}} with the runtime's error
 * output when it could not. Lines before it are conmon's own complaints (the pipe doubles as its stdout and
 * stderr until it detaches).
 *
 * @param value the container's PID, or negative on failure
 * @param message the runtime's error output on failure, else empty
 * @param diagnostics what conmon printed before the report, or before it died without one
 */
record SyncPipe(Optional<Integer> value, String message, List<String> diagnostics) {
    SyncPipe {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Reads up to the report and no further: conmon keeps its end open until the container ends. */
    static SyncPipe read(InputStream pipe) throws IOException {
        ObjectMapper mapper = Json.mapper();
        List<String> diagnostics = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("{")) {
                try {
                    JsonNode report = mapper.readTree(line);
                    JsonNode data = report.has("data") ? report.get("data") : report.get("pid");
                    if (data != null && data.canConvertToInt()) {
                        return new SyncPipe(Optional.of(data.asInt()), report.path("message").asText(""), diagnostics);
                    }
                } catch (IOException e) {
                    // not the report after all: keep it as something conmon said
                }
            }
            if (!line.isBlank()) {
                diagnostics.add(line.strip());
            }
        }
        return new SyncPipe(Optional.empty(), "", diagnostics);
    }

    boolean created() {
        return value.isPresent() && value.get() > 0;
    }
}
