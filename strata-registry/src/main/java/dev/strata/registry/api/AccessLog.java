package dev.strata.registry.api;

import java.time.Duration;
import java.time.Instant;

/** Where the registry reports each request it served and each failure it did not expect. Implementations are thread-safe. */
public interface AccessLog {
    /** One served request. */
    record Entry(Instant time, String remote, String method, String path, int status, long bytes, Duration took,
            String subject) {
        /** The access log line: time, client, request, status, bytes, duration, subject. */
        public String line() {
            return time + " " + remote + " \"" + method + " " + path + "\" " + status + " " + bytes + " "
                    + String.format(java.util.Locale.ROOT, "%.3fms", took.toNanos() / 1e6) + " " + subject;
        }
    }

    void request(Entry entry);

    /** A request failed in a way the client cannot be blamed for (an I/O error, a bug). */
    void failure(String what, Throwable cause);

    /** Logs nothing (tests, benchmarks). */
    AccessLog NONE = new AccessLog() {
        @Override
        public void request(Entry entry) {}

        @Override
        public void failure(String what, Throwable cause) {}
    };
}
