package dev.strata.registry.api;

import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * Reads request bodies chunk by chunk, blocking (requests run on virtual threads), handing each of Jetty's buffers
 * straight to the consumer: an upload is digested and written to its file without an intermediate copy.
 */
final class Bodies {
    interface ChunkConsumer {
        void accept(ByteBuffer chunk);
    }

    /** How much of a body that is too large is still read before it is refused; past this, the answer comes at once. */
    static final long DRAINED = 64L << 20;

    private Bodies() {}

    /** Passes every chunk of the body to {@code consumer}; an aborted body (client gone, truncated) throws. */
    static void forEachChunk(Request request, ChunkConsumer consumer) throws IOException {
        while (true) {
            Content.Chunk chunk = request.read();
            if (chunk == null) {
                CompletableFuture<Void> ready = new CompletableFuture<>();
                request.demand(() -> ready.complete(null));
                ready.join();
                continue;
            }
            try {
                if (Content.Chunk.isFailure(chunk)) {
                    Throwable failure = chunk.getFailure();
                    throw failure instanceof IOException io ? io : new IOException(failure);
                }
                if (chunk.hasRemaining()) {
                    consumer.accept(chunk.getByteBuffer());
                }
                if (chunk.isLast()) {
                    return;
                }
            } finally {
                chunk.release();
            }
        }
    }

    /**
     * Reads and drops what is left of the body, up to {@link #DRAINED} bytes, before an error answer: a client that
     * sends its whole body first then reads the answer, and the connection stays fit to be used again. A body that
     * breaks off or goes on past the bound is left to the connection's close.
     */
    static void discardRest(Request request) {
        if (request.getLength() > DRAINED) {
            return; // too much to wait for: the connection closes instead
        }
        long[] total = {0};
        try {
            forEachChunk(request, chunk -> {
                total[0] += chunk.remaining();
                if (total[0] > DRAINED) {
                    throw new IllegalStateException("too much to drain");
                }
            });
        } catch (IOException | IllegalStateException e) {
            // nothing more to read from this client; Jetty closes the connection
        }
    }

    /**
     * The whole body, refused with {@code tooLarge} (and status 413) past {@code max} bytes; the rest of a refused
     * body is dropped by the error answer ({@link #discardRest}).
     */
    static byte[] read(Request request, int max, ErrorCode tooLarge) throws IOException {
        long declared = request.getLength();
        if (declared > max) {
            throw new RegistryException(tooLarge, 413, "cannot accept the body: it is " + declared
                    + " bytes, more than the " + max + " allowed");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        forEachChunk(request, chunk -> {
            if (out.size() + chunk.remaining() > max) {
                throw new RegistryException(tooLarge, 413, "cannot accept the body: it is more than the " + max
                        + " bytes allowed");
            }
            byte[] bytes = new byte[chunk.remaining()];
            chunk.get(bytes);
            out.write(bytes, 0, bytes.length);
        });
        return out.toByteArray();
    }
}
