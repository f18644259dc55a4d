package dev.strata.core.runtime.conmon;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;

/**
 * Turns the bytes of a k8s-file log ({@code TIMESTAMP STREAM F|P CONTENT}, one entry a line) into messages:
 * an {@code F} entry ends a line, {@code P} entries are pieces of a longer one (or of output that had no
 * newline yet) and are joined to what follows on the same stream. Fed in pieces of any size, as a followed
 * file grows. Not thread-safe.
 */
final class LogDecoder {
    /** One line of output, with its newline unless the output ended without one. */
    record Message(Instant time, boolean stderr, byte[] content) {}

    private final Consumer<Message> sink;
    private final ByteArrayOutputStream pendingLine = new ByteArrayOutputStream();
    private final Partial stdout = new Partial();
    private final Partial stderr = new Partial();

    LogDecoder(Consumer<Message> sink) {
        this.sink = sink;
    }

    /** Decodes every complete log line in the bytes; an incomplete last line waits for the next feed. */
    void feed(byte[] bytes, int offset, int length) {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                pendingLine.write(bytes, start, i - start);
                decodeLine(pendingLine.toByteArray());
                pendingLine.reset();
                start = i + 1;
            }
        }
        pendingLine.write(bytes, start, end - start);
    }

    /** Emits output that never got its newline: the container ended in the middle of a line. */
    void finish() {
        stdout.flush(false);
        stderr.flush(true);
    }

    private void decodeLine(byte[] line) {
        int first = indexOf(line, 0);
        int second = first < 0 ? -1 : indexOf(line, first + 1);
        int third = second < 0 ? -1 : indexOf(line, second + 1);
        if (third < 0) {
            return; // not an entry (a torn write, or another format): nothing sensible to show
        }
        Instant time;
        try {
            time = OffsetDateTime.parse(new String(line, 0, first, StandardCharsets.US_ASCII)).toInstant();
        } catch (DateTimeParseException e) {
            return;
        }
        String stream = new String(line, first + 1, second - first - 1, StandardCharsets.US_ASCII);
        String tag = new String(line, second + 1, third - second - 1, StandardCharsets.US_ASCII);
        boolean isStderr = stream.equals("stderr");
        if (!isStderr && !stream.equals("stdout")) {
            return;
        }
        Partial partial = isStderr ? stderr : stdout;
        partial.append(time, line, third + 1, line.length - third - 1);
        if (!tag.startsWith("P")) {
            partial.content.write('\n');
            partial.flush(isStderr);
        }
    }

    private static int indexOf(byte[] line, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == ' ') {
                return i;
            }
        }
        return -1;
    }

    /** The pieces of one stream's current line, timed by the first. */
    private final class Partial {
        private Instant time;
        private final ByteArrayOutputStream content = new ByteArrayOutputStream();

        void append(Instant pieceTime, byte[] bytes, int offset, int length) {
            if (time == null) {
                time = pieceTime;
            }
            content.write(bytes, offset, length);
        }

        void flush(boolean isStderr) {
            if (time != null) {
                sink.accept(new Message(time, isStderr, content.toByteArray()));
            }
            time = null;
            content.reset();
        }
    }
}
