package dev.strata.core.runtime.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A runc container joining a namespace made here by path, as the container code will run them. */
@Tag("root")
class RuncNetworkTest {
    @TempDir
    Path dir;

    private final NetworkNamespaces namespaces = new NetworkNamespaces();
    private final Slirp4netns slirp = new Slirp4netns(Path.of("/usr/bin/slirp4netns"));
    private final String id = "strata-nettest-" + UUID.randomUUID().toString().substring(0, 8);
    private Path netns;
    private Path bundle;
    private SlirpProcess running;
    private boolean containerCreated;

    @BeforeEach
    void setUp() throws Exception {
        netns = dir.resolve("netns");
        namespaces.create(netns);
        bundle = busyboxBundle(dir.resolve("bundle"));
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (containerCreated) {
                runc("delete", "-f", id);
            }
        } finally {
            if (running != null) {
                slirp.stop(running.pid());
            }
            namespaces.remove(netns);
        }
    }

    @Test
    void aContainerInTheSlirpNamespaceServesAPublishedPort() throws Exception {
        running = slirp.start(netns, dir.resolve("slirp.sock"), dir.resolve("slirp.log"));
        PortMapping published = slirp.forward(running.apiSocket(), PortMapping.parse("127.0.0.1::8080").getFirst());

        runDetached("/bin/httpd", "-f", "-p", "8080", "-h", "/www");

        assertThat(fetch(published.hostPort())).isEqualTo("served by runc\n");
        assertThat(runc("exec", id, "/bin/ip", "-o", "-4", "addr", "show", "tap0")).contains("inet 100.64.0.100/24");
        assertThat(runc("exec", id, "/bin/ip", "route")).contains("default via 100.64.0.2 dev tap0");
    }

    @Test
    void aContainerWithNetworkNoneHasOnlyAWorkingLoopback() throws Exception {
        runDetached("/bin/httpd", "-f", "-p", "8080", "-h", "/www");

        String links = runc("exec", id, "/bin/ip", "-o", "link");
        String page = "";
        for (int attempt = 0; attempt < 50 && page.isEmpty(); attempt++) {
            page = runcAllowingFailure("exec", id, "/bin/wget", "-q", "-O", "-", "http://127.0.0.1:8080/index.html");
            if (page.isEmpty()) {
                Thread.sleep(100);
            }
        }

        assertThat(links.lines().toList()).singleElement().asString().contains(": lo: ").contains("UP");
        assertThat(page).isEqualTo("served by runc\n");
    }

    private Path busyboxBundle(Path bundle) throws Exception {
        Path rootfs = Files.createDirectories(bundle.resolve("rootfs"));
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(Path.of(NetnsCommands.BUSYBOX), rootfs.resolve("bin/busybox"));
        for (String applet : List.of("sh", "httpd", "ip", "wget", "cat", "sleep")) {
            Files.createSymbolicLink(rootfs.resolve("bin").resolve(applet), Path.of("busybox"));
        }
        Files.createDirectories(rootfs.resolve("www"));
        Files.writeString(rootfs.resolve("www/index.html"), "served by runc\n");
        for (String mountPoint : List.of("proc", "dev", "sys", "tmp")) {
            Files.createDirectories(rootfs.resolve(mountPoint));
        }
        exec(List.of("runc", "spec", "--bundle", bundle.toString()));
        return bundle;
    }

    /** Runs the container detached, its process {@code args}, in the namespace at {@link #netns}. */
    private void runDetached(String... args) throws Exception {
        Path configFile = bundle.resolve("config.json");
        ObjectNode config = (ObjectNode) Json.mapper().readTree(configFile.toFile());
        ObjectNode process = (ObjectNode) config.get("process");
        process.put("terminal", false);
        ArrayNode argv = process.putArray("args");
        for (String arg : args) {
            argv.add(arg);
        }
        for (var namespace : config.get("linux").get("namespaces")) {
            if (namespace.get("type").asText().equals("network")) {
                ((ObjectNode) namespace).put("path", netns.toString());
            }
        }
        Json.mapper().writeValue(configFile.toFile(), config);
        containerCreated = true;
        runc("run", "-d", "--bundle", bundle.toString(), id);
    }

    private String runc(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("runc", "--root", dir.resolve("runc").toString()));
        command.addAll(List.of(args));
        return exec(command);
    }

    private String runcAllowingFailure(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("runc", "--root", dir.resolve("runc").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File(
                "/dev/null"))).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(30, TimeUnit.SECONDS);
        return process.exitValue() == 0 ? output : "";
    }

    /**
     * Runs a command to completion. Output goes to a file, not a pipe: a detached container inherits runc's
     * standard output, and would keep a pipe open for as long as it runs.
     */
    private String exec(List<String> command) throws Exception {
        Path output = Files.createTempFile(dir, "out", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(output.toFile())
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        String text = Files.readString(output);
        assertThat(process.exitValue()).as("%s: %s", command, text).isZero();
        return text;
    }

    private static String fetch(int port) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/index.html"))
                    .timeout(Duration.ofSeconds(10)).build();
            IOException last = null;
            for (int attempt = 0; attempt < 100; attempt++) {
                try {
                    return client.send(request, HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException e) {
                    last = e;
                    Thread.sleep(100);
                }
            }
            throw last;
        }
    }
}
