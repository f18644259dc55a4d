package dev.strata.registry;

import dev.strata.registry.api.AccessLog;
import java.io.PrintStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Writes access-log lines to a stream from a background thread, so a slow terminal never holds up a request: request
 * threads only enqueue; the writer flushes whenever the queue runs dry. Failures go to the same stream with their
 * stack trace. Thread-safe.
 */
public final class StreamAccessLog implements AccessLog, AutoCloseable {
    private static final String STOP = "\u0000stop";

    private final PrintStream out;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>(100_000);
    private final Thread writer;

    public StreamAccessLog(PrintStream out) {
        this.out = out;
        this.writer = Thread.ofPlatform().name("registry-access-log").daemon(true).start(this::drain);
    }

    @Override
    public void request(Entry entry) {
        lines.offer(entry.line()); // when the writer is that far behind, dropping a line beats blocking a request
    }

    @Override
    public void failure(String what, Throwable cause) {
        java.io.StringWriter trace = new java.io.StringWriter();
        cause.printStackTrace(new java.io.PrintWriter(trace));
        lines.offer("error: " + what + ": " + trace);
    }

    private void drain() {
        try {
            while (true) {
                String line = lines.take();
                if (line == STOP) {
                    break;
                }
                out.println(line);
                if (lines.isEmpty()) {
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.flush();
    }

    /** Writes what is queued, then stops the writer. */
    @Override
    public void close() {
        lines.offer(STOP);
        try {
            writer.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
