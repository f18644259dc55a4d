package dev.strata.registry;

import dev.strata.core.oci.Digest;
import dev.strata.registry.api.AccessLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A registry server on 127.0.0.1 with a free port and an HTTP client to talk to it, for tests. */
public final class TestRegistry implements AutoCloseable {
    public final RegistryServer server;
    public final HttpClient client = HttpClient.newHttpClient();
    public final List<AccessLog.Entry> log = new CopyOnWriteArrayList<>();

    public TestRegistry(Path storage) {
        this(RegistrySettings.defaults(storage).withAddress("127.0.0.1:0"));
    }

    public TestRegistry(RegistrySettings settings) {
        this.server = RegistryServer.start(settings, new AccessLog() {
            @Override
            public void request(Entry entry) {
                log.add(entry);
            }

            @Override
            public void failure(String what, Throwable cause) {
                cause.printStackTrace();
            }
        }, Clock.systemUTC());
    }

    public URI uri(String pathAndQuery) {
        return server.baseUri().resolve(pathAndQuery);
    }

    public HttpResponse<byte[]> send(String method, String pathAndQuery, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<byte[]> get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** Pushes a blob in one POST; returns its digest. */
    public Digest pushBlob(String repository, byte[] content) {
        Digest digest = Digest.sha256(content);
        HttpResponse<byte[]> response = send("POST", "/v2/" + repository + "/blobs/uploads/?digest=" + digest, content,
                "Content-Type", "application/octet-stream");
        if (response.statusCode() != 201) {
            throw new AssertionError("blob push answered " + response.statusCode() + ": " + text(response));
        }
        return digest;
    }

    /** Pushes a manifest to a tag or digest; returns the response. */
    public HttpResponse<byte[]> putManifest(String repository, String reference, String mediaType, byte[] manifest) {
        return send("PUT", "/v2/" + repository + "/manifests/" + reference, manifest, "Content-Type", mediaType);
    }

    public static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    public static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** An OCI image manifest for a config and layers (each a descriptor of {@code application/octet-stream} blobs). */
    public static byte[] imageManifest(Digest config, long configSize, List<Digest> layers, List<Long> sizes, String extra) {
        StringBuilder json = new StringBuilder("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + config
                + "\",\"size\":" + configSize + "},\"layers\":[");
        for (int i = 0; i < layers.size(); i++) {
            json.append(i == 0 ? "" : ",").append("{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"")
                    .append(layers.get(i)).append("\",\"size\":").append(sizes.get(i)).append('}');
        }
        json.append(']').append(extra).append('}');
        return utf8(json.toString());
    }

    @Override
    public void close() {
        server.close();
    }
}
