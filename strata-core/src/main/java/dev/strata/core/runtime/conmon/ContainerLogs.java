package dev.strata.core.runtime.conmon;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;

/**
 * Reads conmon's k8s-file log ({@code RFC3339NANO stdout|stderr F|P text}) back as the container wrote it:
 * stdout to one stream, stderr to the other, lines split by conmon joined again, optionally with Docker's
 * timestamps, the last N lines, and following the file while the container runs. Stateless and thread-safe.
 */
public final class ContainerLogs {
    /** Docker's {@code logs -t} format: RFC 3339 in UTC with all nine fraction digits. */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final long FOLLOW_POLL_MILLIS = 100;
    private static final int CHUNK = 64 * 1024;

    private ContainerLogs() {}

    /**
     * Writes the log at {@code log} to {@code out} and {@code err}.
     *
     * @param stillRunning asked while following: return false once conmon has written all the container's
     *     output, which it has by the time the exit file exists; what is in the file then is shown, and reading
     *     stops. Not asked without {@code follow}.
     */
    public static void read(Path log, LogOptions options, BooleanSupplier stillRunning, OutputStream out,
            OutputStream err) throws IOException, InterruptedException {
        Writer writer = new Writer(options, out, err);
        LogDecoder decoder = new LogDecoder(writer::accept);
        InputStream in = open(log, options.follow(), stillRunning);
        if (in == null) {
            return;
        }
        try (in) {
            byte[] buffer = new byte[CHUNK];
            drain(in, buffer, decoder);
            if (!options.follow()) {
                decoder.finish();
                writer.release();
                return;
            }
            writer.release();
            while (true) {
                boolean running = stillRunning.getAsBoolean();
                int read = drain(in, buffer, decoder);
                writer.flush();
                if (!running) {
                    break;
                }
                if (read == 0) {
                    Thread.sleep(FOLLOW_POLL_MILLIS);
                }
            }
            decoder.finish();
            writer.flush();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Opens the log, waiting for conmon to create it when following; null when there is nothing to read. */
    private static InputStream open(Path log, boolean follow, BooleanSupplier stillRunning)
            throws IOException, InterruptedException {
        while (true) {
            boolean running = follow && stillRunning.getAsBoolean();
            try {
                return Files.newInputStream(log);
            } catch (NoSuchFileException e) {
                if (!running) {
                    return null;
                }
            }
            Thread.sleep(FOLLOW_POLL_MILLIS);
        }
    }

    /** Reads to the current end of the file; a regular file read again later yields what was added. */
    private static int drain(InputStream in, byte[] buffer, LogDecoder decoder) throws IOException {
        int total = 0;
        for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
            decoder.feed(buffer, 0, n);
            total += n;
        }
        return total;
    }

    /** Formats messages to the two streams, holding back the last N while {@code --tail} still applies. */
    private static final class Writer {
        private final LogOptions options;
        private final OutputStream out;
        private final OutputStream err;
        private Deque<LogDecoder.Message> held;

        Writer(LogOptions options, OutputStream out, OutputStream err) {
            this.options = options;
            this.out = out;
            this.err = err;
            this.held = options.tail().isPresent() ? new ArrayDeque<>() : null;
        }

        void accept(LogDecoder.Message message) {
            if (!options.admits(message.time())) {
                return;
            }
            if (held != null) {
                held.addLast(message);
                if (held.size() > options.tail().getAsInt()) {
                    held.removeFirst();
                }
                return;
            }
            write(message);
        }

        /** Ends the tail: what is held is written, and from now on every message as it comes. */
        void release() {
            if (held != null) {
                Deque<LogDecoder.Message> messages = held;
                held = null;
                messages.forEach(this::write);
            }
            flush();
        }

        void flush() {
            try {
                out.flush();
                err.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void write(LogDecoder.Message message) {
            OutputStream target = message.stderr() ? err : out;
            try {
                if (options.timestamps()) {
                    target.write((TIMESTAMP.format(message.time()) + " ").getBytes(StandardCharsets.US_ASCII));
                }
                target.write(message.content());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
