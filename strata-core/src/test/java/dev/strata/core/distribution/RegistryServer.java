package dev.strata.core.distribution;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * The CNCF Distribution registry (Debian's {@code docker-registry}) on 127.0.0.1 and a free port, storing in a
 * directory of the test; optional auth given as the YAML of its {@code auth:} section. Stopped by PID on close.
 */
final class RegistryServer implements AutoCloseable {
    static final Path BINARY = Path.of("/usr/bin/docker-registry");

    private final Process process;
    private final int port;

    private RegistryServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static RegistryServer start(Path dir, String authYaml) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            throw new IllegalStateException(BINARY + " is missing: install Debian's docker-registry");
        }
        int port = freePort();
        Files.createDirectories(dir);
        String config = """
                version: 0.1
                log:
                  level: error
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                %s
                """.formatted(dir.resolve("data"), port, authYaml == null ? "" : authYaml);
        Path file = dir.resolve("config.yml");
        Files.writeString(file, config);
        Process process = new ProcessBuilder(BINARY.toString(), "serve", file.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        RegistryServer server = new RegistryServer(process, port);
        server.awaitReady(dir);
        return server;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private void awaitReady(Path dir) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(dir.resolve("registry.log")));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(500);
                c.getResponseCode();
                c.disconnect();
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("docker-registry did not start: " + Files.readString(dir.resolve("registry.log")));
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
