package dev.strata.core.runtime.conmon;

import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.SeqPacketSocket;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A connection to conmon's attach socket: the container's output arrives as messages whose first byte names
 * the stream (2 stdout, 3 stderr; a terminal's single stream is stdout), and whatever is sent goes to the
 * container's stdin as it is. Thread-safe in the way an attach needs: {@link #pump} runs on one thread,
 * {@link #close} may come from any other (to detach).
 */
public final class Attachment implements AutoCloseable {
    static final byte STDOUT = 2;
    static final byte STDERR = 3;
    /** Conmon reads its own stdio in 8 KiB pieces and sends each with the stream byte in front. */
    private static final int MESSAGE_SIZE = 32 * 1024;
    /** Conmon reads client messages into a 32 KiB buffer: smaller pieces are never truncated. */
    private static final int INPUT_CHUNK = 8 * 1024;

    private final SeqPacketSocket socket;
    private final boolean stdin;

    Attachment(SeqPacketSocket socket, boolean stdin) {
        this.socket = socket;
        this.stdin = stdin;
    }

    /**
     * Copies the container's output to {@code out} and {@code err} until the container has ended (conmon closes
     * every attached socket then) or {@link #close} detaches, flushing after each message. With stdin, a
     * background thread copies {@code in} to the container meanwhile; at the end of {@code in} the container's
     * stdin is closed (conmon closes it when a client stops writing). That thread may stay blocked on
     * {@code in} after this returns, as {@code System.in} cannot be interrupted; it writes nothing more.
     *
     * @param in read only with stdin; may be null without
     */
    public void pump(InputStream in, OutputStream out, OutputStream err) throws IOException {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        if (stdin) {
            Objects.requireNonNull(in, "in");
            Thread.ofPlatform().daemon().name("attach-stdin").start(() -> forwardInput(in));
        }
        try {
            byte[] message = new byte[MESSAGE_SIZE];
            for (int length = socket.receive(message); length >= 0; length = socket.receive(message)) {
                if (length < 1) {
                    continue;
                }
                OutputStream target = switch (message[0]) {
                    case STDOUT -> out;
                    case STDERR -> err;
                    default -> null; // no other stream exists; skip rather than guess
                };
                if (target != null) {
                    target.write(message, 1, length - 1);
                    target.flush();
                }
            }
        } finally {
            socket.close();
        }
    }

    /** Detaches: {@link #pump} returns; the container goes on running. */
    @Override
    public void close() {
        socket.close();
    }

    private void forwardInput(InputStream in) {
        byte[] chunk = new byte[INPUT_CHUNK];
        try {
            for (int n = in.read(chunk); n >= 0; n = in.read(chunk)) {
                if (n > 0) {
                    socket.send(chunk, 0, n);
                }
            }
            socket.shutdownOutput();
        } catch (ErrnoException e) {
            // the container ended or the attachment was closed: input has nowhere to go
        } catch (IOException e) {
            // the caller's input failed: end the container's input as if it had ended
            try {
                socket.shutdownOutput();
            } catch (ErrnoException ignored) {
                // already closed
            }
        }
    }
}
