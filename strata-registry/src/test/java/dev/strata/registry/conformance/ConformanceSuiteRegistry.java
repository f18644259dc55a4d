package dev.strata.registry.conformance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A registry on 127.0.0.1 that the conformance suite runs against, and how to stop it.
 *
 * @param url its root URL, {@code http://127.0.0.1:PORT}
 * @param stop stops it and frees what it held
 */
record ConformanceSuiteRegistry(URI url, AutoCloseable stop) implements AutoCloseable {
    ConformanceSuiteRegistry {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(stop, "stop");
    }

    @Override
    public void close() throws Exception {
        stop.close();
    }

    /**
     * Starts the CNCF Distribution registry (Debian's {@code docker-registry}) on a free loopback port, with
     * filesystem storage in {@code dir} and deletes enabled; closing it stops that process by its PID.
     */
    static ConformanceSuiteRegistry distribution(Path dir) throws IOException, InterruptedException {
        Path storage = Files.createDirectories(dir.resolve("storage"));
        int port = freePort();
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                """.formatted(storage, port));
        Path log = dir.resolve("registry.log");
        Process registry = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AutoCloseable stop = () -> {
            registry.destroy();
            if (!registry.waitFor(30, TimeUnit.SECONDS)) {
                registry.destroyForcibly().waitFor();
            }
        };
        URI url = URI.create("http://127.0.0.1:" + port);
        try {
            awaitBase(url, registry);
        } catch (IOException | RuntimeException | InterruptedException e) {
            registry.destroyForcibly().waitFor();
            throw new IllegalStateException("cannot start docker-registry: " + e.getMessage() + "\n" + Files.readString(log)
                    + "Install the Debian package docker-registry.", e);
        }
        return new ConformanceSuiteRegistry(url, stop);
    }

    /** A port nobody listens on now; the registry binds it a moment later (a race lost only to another binder). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Waits until {@code GET /v2/} answers 200 or 401, while the server's process is alive. */
    static void awaitBase(URI url, Process server) throws IOException, InterruptedException {
        HttpRequest base = HttpRequest.newBuilder(url.resolve("/v2/")).timeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IOException last = null;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (System.nanoTime() < deadline && (server == null || server.isAlive())) {
                try {
                    int status = client.send(base, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200 || status == 401) {
                        return;
                    }
                    last = new IOException("GET /v2/ answered " + status);
                } catch (IOException e) {
                    last = e;
                }
                Thread.sleep(100);
            }
        }
        throw new IOException(server != null && !server.isAlive() ? "it exited with " + server.exitValue()
                : "it did not answer GET " + base.uri() + " within 30 s: " + last, last);
    }
}
