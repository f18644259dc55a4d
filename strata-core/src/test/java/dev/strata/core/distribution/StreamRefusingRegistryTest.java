package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strata.core.engine.Engine;
import dev.strata.core.engine.PushRequest;
import dev.strata.core.engine.RegistrySettings;
import dev.strata.core.oci.Digest;
import dev.strata.core.progress.ProgressListener;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pushes to a registry that refuses streamed uploads (a {@code PATCH} without {@code Content-Range}), as some do:
 * the layer, compressed while it was being streamed, must reach it the ordinary way, whole and with its digest.
 */
class StreamRefusingRegistryTest {
    @TempDir
    Path dir;

    HttpServer server;
    final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    final List<String> refused = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/", this::handle);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            String method = ex.getRequestMethod();
            byte[] body = ex.getRequestBody().readAllBytes();
            if (path.equals("/v2/")) {
                ex.sendResponseHeaders(200, -1);
            } else if (path.contains("/blobs/uploads/") && method.equals("POST")) {
                ex.getResponseHeaders().add("Location", "/v2/test/image/blobs/uploads/u" + System.nanoTime());
                ex.sendResponseHeaders(202, -1);
            } else if (method.equals("PATCH") && ex.getRequestHeaders().getFirst("Content-Range") == null) {
                refused.add(path);
                ex.sendResponseHeaders(400, -1);
            } else if (path.contains("/blobs/uploads/") && method.equals("PUT")) {
                String query = URLDecoder.decode(ex.getRequestURI().getRawQuery(), StandardCharsets.UTF_8);
                String digest = query.substring(query.indexOf("digest=") + "digest=".length());
                boolean valid = Digest.sha256(body).toString().equals(digest);
                if (valid) {
                    blobs.put(digest, body);
                }
                ex.sendResponseHeaders(valid ? 201 : 400, -1);
            } else if (path.contains("/blobs/uploads/") && method.equals("DELETE")) {
                ex.sendResponseHeaders(204, -1);
            } else if (path.contains("/blobs/") && method.equals("HEAD")) {
                byte[] blob = blobs.get(path.substring(path.lastIndexOf('/') + 1));
                ex.sendResponseHeaders(blob == null ? 404 : 200, -1);
            } else if (path.contains("/manifests/") && method.equals("PUT")) {
                ex.sendResponseHeaders(201, -1);
            } else {
                ex.sendResponseHeaders(404, -1);
            }
        }
    }

    @Test
    void aRefusedStreamIsUploadedFromTheStoredBlob() throws Exception {
        byte[] tar = Fixtures.rootfs("refused", 1 << 20);
        RegistrySettings settings = Fixtures.settings(dir);
        String name = "127.0.0.1:" + server.getAddress().getPort() + "/test/image:1";
        try (Engine engine = Fixtures.engine(dir.resolve("root"))) {
            Fixtures.importImage(engine, tar, name);

            engine.push(new PushRequest(name, false, settings), ProgressListener.NONE);
        }

        assertThat(refused).isNotEmpty();
        Digest diffId = Digest.sha256(tar);
        // the layer is the gzip blob among them (the config is JSON)
        assertThat(blobs.values()).filteredOn(blob -> blob.length > 2 && (blob[0] & 0xff) == 0x1f && (blob[1] & 0xff) == 0x8b)
                .hasSize(1).allSatisfy(blob -> {
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(blob))) {
                assertThat(Digest.sha256(in.readAllBytes())).isEqualTo(diffId);
            }
        });
    }
}
