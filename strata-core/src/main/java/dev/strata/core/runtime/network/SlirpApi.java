package dev.strata.core.runtime.network;

import static dev.strata.core.runtime.JsonValues.path;

import dev.strata.core.StrataException;
import dev.strata.core.oci.JsonWriting;
import dev.strata.core.oci.StreamingJson;
import dev.strata.core.runtime.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The JSON control protocol of slirp4netns's {@code --api-socket}: one request per connection, read by the server
 * in a single {@code read(2)} of at most 4 KiB, answered with {@code {"return": ...}} or
 * {@code {"error": {"desc": ...}}} and then closed. Stateless and thread-safe.
 */
final class SlirpApi {
    private final Duration timeout;

    SlirpApi(Duration timeout) {
        this.timeout = timeout;
    }

    /** The answer to {@code request}: a {@link Reply.Failed} with slirp4netns's reason, or else a {@link Reply.Ok}. */
    Reply call(Path socket, Object request) throws IOException {
        byte[] body = request(request);
        if (body.length >= 4096) {
            throw new IllegalArgumentException("slirp4netns reads requests of less than 4096 bytes");
        }
        return reply(exchange(socket, body));
    }

    /** A request's bytes: compact, keys sorted. */
    static byte[] request(Object request) {
        return StreamingJson.write(request, JsonWriting::any);
    }

    /** What a reply's bytes say. */
    static Reply reply(byte[] raw) {
        Object answer = JsonValues.read(raw, "slirp4netns API reply");
        if (JsonValues.has(answer, "error")) {
            return new Reply.Failed(JsonValues.text(path(path(answer, "error"), "desc"), "unknown error"));
        }
        // add_hostfwd wraps its result in "return"; list_hostfwd answers {"entries": [...]} bare.
        Object value = JsonValues.has(answer, "return") ? path(answer, "return") : answer;
        return new Reply.Ok(value == JsonValues.MISSING ? null : value);
    }

    /** What slirp4netns answered. */
    sealed interface Reply {
        /**
         * Success, with the reply's value as plain JSON values (maps, lists, strings, numbers, booleans; null for
         * JSON null or an empty reply): read it with {@link JsonValues}.
         */
        record Ok(Object value) implements Reply {}

        record Failed(String description) implements Reply {}
    }

    /**
     * A blocking exchange on a virtual thread, so a slirp4netns that accepts but never answers (stopped, say)
     * cannot hang the caller: past the timeout the channel is closed, which ends the blocked read.
     */
    private byte[] exchange(Path socket, byte[] body) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try (channel; ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> reply = executor.submit(() -> {
                channel.connect(UnixDomainSocketAddress.of(socket));
                // One write: the server reads the request with a single read(2).
                channel.write(ByteBuffer.wrap(body));
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteBuffer buffer = ByteBuffer.allocate(4096);
                while (channel.read(buffer) >= 0) {
                    out.write(buffer.array(), 0, buffer.position());
                    buffer.clear();
                }
                return out.toByteArray();
            });
            try {
                return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                channel.close();
                throw new IOException("slirp4netns did not answer on " + socket + " within " + timeout.toMillis()
                        + " ms");
            } catch (InterruptedException e) {
                channel.close();
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while talking to slirp4netns on " + socket, e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new StrataException(StrataException.Kind.SYSTEM,
                        "cannot talk to slirp4netns on " + socket + ": " + e.getCause(), e.getCause());
            }
        }
    }
}
