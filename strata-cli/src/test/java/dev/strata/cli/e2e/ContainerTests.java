package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/** What the container end-to-end tests share: clean-up that proves nothing is left, inspect, ports, polling. */
final class ContainerTests {
    private ContainerTests() {}

    /**
     * Removes every container of the store, then insists that none is listed, nothing under {@code dir} is mounted
     * and no slirp4netns API socket of theirs is left in /run (where a container's socket goes when its own
     * directory's path is too long for one, as under a JUnit temporary directory).
     */
    static void removeAllAndCheckNothingIsLeft(StrataRunner strata, Path dir) throws IOException {
        List<String> ids = strata.ok("ps", "-a", "-q", "--no-trunc").lines();
        for (String id : ids) {
            strata.run("unpause", id);
            strata.run("rm", "-f", id);
        }
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo")))
                .as("mounts left under the test directory")
                .noneMatch(line -> line.contains(dir.toString()));
        assertThat(ids).as("slirp4netns API sockets left in /run")
                .noneMatch(id -> Files.exists(sharedApiSocket(id)));
    }

    /** Where the engine puts a container's slirp4netns API socket when its own directory's path is too long. */
    static Path sharedApiSocket(String id) {
        return Path.of("/run/strata/slirp", id.substring(0, 32) + ".sock");
    }

    /** {@code container inspect} of one container as JSON. */
    static JsonNode inspect(StrataRunner strata, String container) {
        try {
            return new ObjectMapper().readTree(strata.ok("container", "inspect", container).out()).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to a minute, so a hung engine fails rather than blocks) until {@code condition} holds. */
    static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never happened: " + what);
            }
            Thread.sleep(50);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The HTTP status of a GET on 127.0.0.1. */
    static int fetch(int port, String path) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
