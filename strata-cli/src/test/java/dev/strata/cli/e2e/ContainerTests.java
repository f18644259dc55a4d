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
import java.util.function.BooleanSupplier;

/** What the container end-to-end tests share: clean-up that proves nothing is left, inspect, ports, polling. */
final class ContainerTests {
    private ContainerTests() {}

    /** Removes every container of the store, then insists that none is listed and nothing under {@code dir} is mounted. */
    static void removeAllAndCheckNothingIsLeft(StrataRunner strata, Path dir) throws IOException {
        for (String id : strata.ok("ps", "-a", "-q", "--no-trunc").lines()) {
            strata.run("unpause", id);
            strata.run("rm", "-f", id);
        }
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo")))
                .as("mounts left under the test directory")
                .noneMatch(line -> line.contains(dir.toString()));
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
