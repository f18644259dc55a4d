package dev.strata.core.runtime.conmon;

import static dev.strata.core.runtime.JsonValues.path;

import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.runtime.JsonValues;
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
        List<String> diagnostics = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(pipe, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.startsWith("{")) {
                try {
                    Object report = JsonValues.read(line.getBytes(StandardCharsets.UTF_8), "sync pipe report");
                    Object data = JsonValues.has(report, "data") ? path(report, "data") : path(report, "pid");
                    if (JsonValues.canConvertToInt(data)) {
                        return new SyncPipe(Optional.of(JsonValues.intValue(data)),
                                JsonValues.text(path(report, "message"), ""), diagnostics);
                    }
                } catch (InvalidContentException e) {
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
