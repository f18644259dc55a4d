package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry against the real clients users have: skopeo and podman push a busybox image (an OCI layout made
 * here from Debian's busybox-static) to it and pull it back, on 127.0.0.1 over plain HTTP.
 */
@Tag("peers")
class PeerRegistryTest {
    @TempDir
    Path dir;
    TestRegistry registry;
    Path layout;
    Digest manifestDigest;
    Digest configDigest;

    @BeforeEach
    void start() throws Exception {
        registry = new TestRegistry(dir.resolve("storage"));
        layout = busyboxLayout(dir.resolve("layout"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    String host() {
        return "127.0.0.1:" + registry.server.port();
    }

    @Test
    void skopeoPushesAndPullsBack() throws Exception {
        run("skopeo", "copy", "--dest-tls-verify=false", "oci:" + layout + ":v1", "docker://" + host() + "/peers/busybox:v1");
        JsonNode inspected = Json.tree(run("skopeo", "inspect", "--tls-verify=false", "docker://" + host() + "/peers/busybox:v1")
                .getBytes(StandardCharsets.UTF_8), "skopeo inspect");
        // skopeo compresses the uncompressed layer on the way, so the stored manifest is its, not the layout's
        String stored = registry.send("HEAD", "/v2/peers/busybox/manifests/v1", null)
                .headers().firstValue("Docker-Content-Digest").orElseThrow();
        assertThat(inspected.get("Digest").asText()).isEqualTo(stored);
        assertThat(inspected.get("Layers")).hasSize(1);
        Path back = dir.resolve("back");
        run("skopeo", "copy", "--src-tls-verify=false", "docker://" + host() + "/peers/busybox:v1", "oci:" + back + ":v1");
        assertThat(back.resolve("blobs/sha256/" + Digest.parse(stored).encoded())).exists();
        assertThat(back.resolve("blobs/sha256/" + configDigest.encoded())).exists();
    }

    @Test
    void podmanPushesAndPullsBack() throws Exception {
        List<String> podman = List.of("podman", "--root", dir.resolve("podman/root").toString(), "--runroot",
                dir.resolve("podman/run").toString(), "--storage-driver", "vfs", "--cgroup-manager", "cgroupfs",
                "--events-backend", "none");
        run(concat(podman, "pull", "oci:" + layout + ":v1"));
        String image = host() + "/peers/podman:v1";
        run(concat(podman, "tag", configDigest.encoded(), image));
        run(concat(podman, "push", "--tls-verify=false", image));
        run(concat(podman, "rmi", "-a", "-f"));
        run(concat(podman, "pull", "--tls-verify=false", image));
        assertThat(run(concat(podman, "images", "--no-trunc", "--format", "{{.ID}}")).strip()).isEqualTo(configDigest.toString());
        assertThat(registry.get("/v2/peers/podman/tags/list").statusCode()).isEqualTo(200);
    }

    private static List<String> concat(List<String> base, String... more) {
        List<String> all = new ArrayList<>(base);
        all.addAll(List.of(more));
        return all;
    }

    /** An OCI layout holding one image: a single uncompressed layer with busybox as /bin/busybox and /bin/sh. */
    private Path busyboxLayout(Path out) throws Exception {
        Path rootfs = dir.resolve("rootfs");
        Files.createDirectories(rootfs.resolve("bin"));
        Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
        Files.createSymbolicLink(rootfs.resolve("bin/sh"), Path.of("busybox"));
        Path tar = dir.resolve("layer.tar");
        run("tar", "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "--numeric-owner", "-C", rootfs.toString(),
                "-cf", tar.toString(), "bin");
        byte[] layer = Files.readAllBytes(tar);
        Digest layerDigest = Digest.sha256(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layerDigest + "\"]}}").getBytes(StandardCharsets.UTF_8);
        configDigest = Digest.sha256(config);
        byte[] manifest = TestRegistry.imageManifest(configDigest, config.length, List.of(layerDigest),
                List.of((long) layer.length), "");
        manifestDigest = Digest.sha256(manifest);
        Path blobs = Files.createDirectories(out.resolve("blobs/sha256"));
        Files.write(blobs.resolve(layerDigest.encoded()), layer);
        Files.write(blobs.resolve(configDigest.encoded()), config);
        Files.write(blobs.resolve(manifestDigest.encoded()), manifest);
        Files.writeString(out.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        Files.writeString(out.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":"
                + "\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest + "\",\"size\":"
                + manifest.length + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}]}");
        return out;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        return run(List.of(command));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
