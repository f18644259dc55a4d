package dev.strata.cli.e2e;

import dev.strata.core.oci.Digest;
import dev.strata.registry.AuthWiring;
import dev.strata.registry.RegistryServer;
import dev.strata.registry.RegistrySettings;
import dev.strata.registry.api.AccessLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Strata's own registry server in-process on 127.0.0.1 (a free port) for the client's end-to-end tests: open, or with
 * an htpasswd file and the built-in token service; its clock can be moved on to expire the tokens it issued.
 */
final class LocalRegistry implements AutoCloseable {
    final RegistryServer server;
    final List<AccessLog.Entry> log = new CopyOnWriteArrayList<>();
    final MovableClock clock = new MovableClock();
    private final HttpClient http = HttpClient.newHttpClient();

    /** A clock that tells the real time plus an offset the test may grow. */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration d) {
            offset = offset.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }

    private LocalRegistry(RegistrySettings settings) {
        this.server = RegistryServer.start(settings, new AccessLog() {
            @Override
            public void request(Entry entry) {
                log.add(entry);
            }

            @Override
            public void failure(String what, Throwable cause) {
                cause.printStackTrace();
            }
        }, clock);
    }

    /** No authentication. */
    static LocalRegistry open(Path storage) {
        return new LocalRegistry(RegistrySettings.defaults(storage).withAddress("127.0.0.1:0"));
    }

    /**
     * Token mode, as {@code strata registry serve --htpasswd F --auth-token [--anonymous-pull]}; {@code users} are
     * user → password; {@code extra} adds to the auth section (e.g. access rules).
     */
    static LocalRegistry tokens(Path dir, Map<String, String> users, boolean anonymousPull, Map<String, Object> extra)
            throws IOException {
        Path htpasswd = dir.resolve("htpasswd");
        StringBuilder lines = new StringBuilder();
        for (var u : users.entrySet()) {
            lines.append(u.getKey()).append(':').append(bcrypt(u.getValue())).append('\n');
        }
        Files.writeString(htpasswd, lines);
        Map<String, Object> auth = new java.util.LinkedHashMap<>(AuthWiring.withFlags(Map.of(), Optional.of(htpasswd),
                anonymousPull, true));
        auth.putAll(extra);
        return new LocalRegistry(RegistrySettings.defaults(dir.resolve("storage")).withAddress("127.0.0.1:0")
                .withAuth(auth));
    }

    /** No authentication, over TLS with this PEM certificate and key. */
    static LocalRegistry tls(Path storage, Path certificate, Path key) {
        return new LocalRegistry(RegistrySettings.defaults(storage).withAddress("127.0.0.1:0").withTls(certificate, key));
    }

    /** With this {@code auth:} section. */
    static LocalRegistry withAuth(Path storage, Map<String, Object> auth) {
        return new LocalRegistry(RegistrySettings.defaults(storage).withAddress("127.0.0.1:0").withAuth(auth));
    }

    private static String bcrypt(String password) {
        return org.springframework.security.crypto.bcrypt.BCrypt.hashpw(password,
                org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4));
    }

    /** {@code 127.0.0.1:PORT}, as image references name it. */
    String host() {
        return "127.0.0.1:" + server.port();
    }

    URI uri(String path) {
        return server.baseUri().resolve(path);
    }

    /** Sends a request without credentials (the registry must be open). */
    HttpResponse<byte[]> send(String method, String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String text(String path) {
        return new String(send("GET", path, null).body(), StandardCharsets.UTF_8);
    }

    /** Uploads a blob in one POST; returns its digest. */
    Digest pushBlob(String repository, byte[] content) {
        Digest digest = Digest.sha256(content);
        var response = send("POST", "/v2/" + repository + "/blobs/uploads/?digest=" + digest, content,
                "Content-Type", "application/octet-stream");
        if (response.statusCode() != 201) {
            throw new AssertionError("blob upload answered " + response.statusCode());
        }
        return digest;
    }

    /** Puts a manifest or index under a tag or digest; returns its digest. */
    Digest putManifest(String repository, String reference, String mediaType, byte[] raw) {
        var response = send("PUT", "/v2/" + repository + "/manifests/" + reference, raw, "Content-Type", mediaType);
        if (response.statusCode() != 201) {
            throw new AssertionError("manifest put answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
        return Digest.sha256(raw);
    }

    /** The requests the server has answered with this method whose path contains {@code part}. */
    long count(String method, String part) {
        settle();
        return log.stream().filter(e -> e.method().equals(method) && e.path().contains(part)).count();
    }

    /**
     * Waits until the access log has stopped growing for 100 ms (at most 5 s): a request's line is written once its
     * response is complete, which the client may have seen first.
     */
    private void settle() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int seen = -1;
        while (seen != log.size() && System.nanoTime() < deadline) {
            seen = log.size();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
