package dev.strata.core.distribution;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A tiny registry on loopback serving one image under {@code test/image:latest}, that can misbehave: cut a blob's
 * connection part-way ({@link #cutBlobs}), or serve other bytes than the manifest promises ({@link #lie}).
 * Records the {@code Range} headers it was sent.
 */
final class FakeRegistry implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    final byte[] manifest;
    final Digest layerDigest;
    final Digest configDigest;
    final List<String> ranges = new CopyOnWriteArrayList<>();
    final AtomicInteger cutsLeft = new AtomicInteger();
    volatile long cutAfter;
    volatile boolean lie;

    FakeRegistry(byte[] layerTar) throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(layerTar);
        }
        byte[] layer = gz.toByteArray();
        layerDigest = Digest.sha256(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{},\"rootfs\":{\"type\":\"layers\","
                + "\"diff_ids\":[\"" + Digest.sha256(layerTar) + "\"]},\"history\":[{\"created_by\":\"test\"}]}")
                .getBytes(StandardCharsets.UTF_8);
        configDigest = Digest.sha256(config);
        blobs.put(layerDigest.toString(), layer);
        blobs.put(configDigest.toString(), config);
        manifest = new Manifest(2, MediaTypes.DOCKER_MANIFEST, new Descriptor(MediaTypes.DOCKER_CONFIG, configDigest,
                config.length), List.of(new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, layerDigest, layer.length)),
                Map.of()).toJson();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Cuts the next {@code times} blob downloads after {@code bytes} bytes. */
    void cutBlobs(int times, long bytes) {
        cutAfter = bytes;
        cutsLeft.set(times);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        try (exchange) {
            if (path.equals("/v2/")) {
                send(exchange, 200, "{}".getBytes(StandardCharsets.UTF_8), "application/json");
            } else if (path.startsWith("/v2/test/image/manifests/")) {
                send(exchange, 200, manifest, MediaTypes.DOCKER_MANIFEST);
            } else if (path.startsWith("/v2/test/image/blobs/")) {
                blob(exchange, path.substring("/v2/test/image/blobs/".length()));
            } else {
                send(exchange, 404, "{\"errors\":[{\"code\":\"NAME_UNKNOWN\",\"message\":\"repository name not known to registry\"}]}"
                        .getBytes(StandardCharsets.UTF_8), "application/json");
            }
        }
    }

    private void blob(HttpExchange exchange, String digest) throws IOException {
        byte[] blob = blobs.get(digest);
        if (blob == null) {
            send(exchange, 404, new byte[0], "application/json");
            return;
        }
        if (lie && digest.equals(layerDigest.toString())) {
            blob = blob.clone();
            blob[blob.length / 2] ^= 1;
        }
        String range = exchange.getRequestHeaders().getFirst("Range");
        int from = 0;
        int status = 200;
        if (range != null) {
            ranges.add(range);
            from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
            status = 206;
            exchange.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (blob.length - 1) + "/" + blob.length);
        }
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        exchange.sendResponseHeaders(status, blob.length - from);
        OutputStream out = exchange.getResponseBody();
        if (digest.equals(layerDigest.toString()) && cutsLeft.getAndDecrement() > 0) {
            out.write(blob, from, (int) Math.min(cutAfter, blob.length - from));
            out.flush();
            exchange.getHttpContext().getServer(); // the connection goes down with the exchange, short of its length
            throw new IOException("cut on purpose");
        }
        out.write(blob, from, blob.length - from);
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
