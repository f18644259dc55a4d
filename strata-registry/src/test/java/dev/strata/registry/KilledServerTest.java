package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.Digest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A registry killed with SIGKILL in the middle of uploads: after a restart on the same storage, what was pushed
 * before is intact, the interrupted blobs are not visible (not even partly), their sessions are gone, and no
 * temporary file is left.
 */
class KilledServerTest {
    @TempDir
    Path storage;

    final HttpClient client = HttpClient.newHttpClient();

    HttpResponse<byte[]> send(ServerProcess server, String method, String path, byte[] body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void killedMidUploadLeavesTheStoreConsistent() throws Exception {
        byte[] config = "{\"os\":\"linux\"}".getBytes(StandardCharsets.UTF_8);
        byte[] layer = new byte[300_000];
        new Random(1).nextBytes(layer);
        byte[] interrupted = new byte[1 << 20];
        new Random(2).nextBytes(interrupted);
        Digest configDigest = Digest.sha256(config);
        Digest layerDigest = Digest.sha256(layer);
        Digest interruptedDigest = Digest.sha256(interrupted);
        byte[] manifest = TestRegistry.imageManifest(configDigest, config.length, List.of(layerDigest),
                List.of((long) layer.length), "");
        String chunkedLocation;

        ServerProcess first = new ServerProcess(storage);
        try (Socket streaming = new Socket(first.uri.getHost(), first.uri.getPort())) {
            assertThat(send(first, "POST", "/v2/app/blobs/uploads/?digest=" + configDigest, config).statusCode()).isEqualTo(201);
            assertThat(send(first, "POST", "/v2/app/blobs/uploads/?digest=" + layerDigest, layer).statusCode()).isEqualTo(201);
            assertThat(send(first, "PUT", "/v2/app/manifests/v1", manifest, "Content-Type",
                    "application/vnd.oci.image.manifest.v1+json").statusCode()).isEqualTo(201);

            // a chunked upload with half its bytes in
            chunkedLocation = send(first, "POST", "/v2/app/blobs/uploads/", null).headers().firstValue("Location").orElseThrow();
            assertThat(send(first, "PATCH", chunkedLocation, java.util.Arrays.copyOf(interrupted, 500_000),
                    "Content-Range", "0-499999").statusCode()).isEqualTo(202);

            // a single-request upload whose body is still arriving when the server dies
            OutputStream out = streaming.getOutputStream();
            out.write(("POST /v2/app/blobs/uploads/?digest=" + interruptedDigest + " HTTP/1.1\r\nHost: " + first.hostPort()
                    + "\r\nContent-Type: application/octet-stream\r\nContent-Length: " + interrupted.length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(interrupted, 0, 600_000);
            out.flush();
            Thread.sleep(300); // let the server take in what was sent (not a timing assertion: the outcome is the same either way)
            first.kill();
        } finally {
            first.close();
        }

        try (ServerProcess second = new ServerProcess(storage)) {
            HttpResponse<byte[]> pulled = send(second, "GET", "/v2/app/manifests/v1", null);
            assertThat(pulled.statusCode()).isEqualTo(200);
            assertThat(pulled.body()).isEqualTo(manifest);
            assertThat(send(second, "GET", "/v2/app/blobs/" + layerDigest, null).body()).isEqualTo(layer);
            assertThat(send(second, "HEAD", "/v2/app/blobs/" + interruptedDigest, null).statusCode()).isEqualTo(404);
            assertThat(send(second, "GET", chunkedLocation, null).statusCode()).isEqualTo(404);
            try (Stream<Path> ingest = Files.list(storage.resolve("ingest"))) {
                assertThat(ingest.toList()).isEmpty();
            }
            try (Stream<Path> all = Files.walk(storage)) {
                assertThat(all.filter(p -> p.getFileName().toString().startsWith(".tmp-")).toList()).isEmpty();
            }
            try (Stream<Path> blobs = Files.list(storage.resolve("blobs/sha256"))) {
                assertThat(blobs.map(p -> "sha256:" + p.getFileName()).toList()).containsExactlyInAnyOrder(
                        configDigest.toString(), layerDigest.toString(), Digest.sha256(manifest).toString());
            }
            // the client can start again and finish
            assertThat(send(second, "POST", "/v2/app/blobs/uploads/?digest=" + interruptedDigest, interrupted).statusCode())
                    .isEqualTo(201);
        }
    }
}
