package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a pull must read besides gzip over plain HTTP: zstd and uncompressed layers, and a registry that speaks only
 * TLS.
 */
@Tag("root")
class RegistryMediaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private StrataRunner strata(String store) {
        return new StrataRunner(dir.resolve(store)).withEnv(Map.of("DOCKER_CONFIG", dir.resolve("docker").toString(),
                "STRATA_DAEMON_CONFIG", dir.resolve("none.json").toString()));
    }

    private static String id(StrataRunner strata, String name) {
        return strata.ok("inspect", "-f", "{{.Id}}", name).out().strip();
    }

    @Test
    void zstdAndUncompressedLayersPullToTheSameImage() throws Exception {
        try (LocalRegistry registry = LocalRegistry.open(dir.resolve("registry"))) {
            String original = registry.host() + "/media/busybox:gzip";
            StrataRunner a = strata("a");
            a.ok("import", TestImages.busyboxTar(dir).toString(), original);
            a.ok("push", original);
            String id = id(a, original);
            // the same image with its layer re-encoded, as registries that store zstd or plain layers serve it
            JsonNode pushed = JSON.readTree(registry.send("GET", "/v2/media/busybox/manifests/gzip", null,
                    "Accept", "application/vnd.oci.image.manifest.v1+json,application/vnd.docker.distribution.manifest.v2+json").body());
            JsonNode config = pushed.get("config");
            byte[] gzipped = registry.send("GET", "/v2/media/busybox/blobs/" + pushed.get("layers").get(0).get("digest").asText(),
                    null).body();
            byte[] tar = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gzipped)).readAllBytes();
            Map<String, byte[]> encodings = Map.of(
                    "application/vnd.oci.image.layer.v1.tar+zstd", com.github.luben.zstd.Zstd.compress(tar, 3),
                    "application/vnd.oci.image.layer.v1.tar", tar);
            for (var encoding : encodings.entrySet()) {
                String tag = encoding.getKey().endsWith("zstd") ? "zstd" : "plain";
                var layer = registry.pushBlob("media/busybox", encoding.getValue());
                String manifest = "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
                        + config.get("digest").asText() + "\",\"size\":" + config.get("size").asLong() + "},"
                        + "\"layers\":[{\"mediaType\":\"" + encoding.getKey() + "\",\"digest\":\"" + layer
                        + "\",\"size\":" + encoding.getValue().length + "}]}";
                assertThat(registry.send("PUT", "/v2/media/busybox/manifests/" + tag,
                        manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "Content-Type", "application/vnd.oci.image.manifest.v1+json").statusCode()).isEqualTo(201);

                String name = registry.host() + "/media/busybox:" + tag;
                StrataRunner b = strata("b-" + tag);
                assertThat(b.ok("pull", name).out()).contains("Pull complete");
                assertThat(id(b, name)).isEqualTo(id);
                assertThat(b.ok("run", "--rm", "--network", "none", name, "echo", "from-" + tag).out())
                        .contains("from-" + tag);
            }
        }
    }

    @Test
    void aRegistryThatSpeaksOnlyTlsIsPushedToAndPulledFrom() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).isTrue();
        try (LocalRegistry registry = LocalRegistry.tls(dir.resolve("registry"), cert, key)) {
            assertThat(registry.server.baseUri().getScheme()).isEqualTo("https");
            String name = registry.host() + "/tls/busybox:1";
            StrataRunner a = strata("a");
            a.ok("import", TestImages.busyboxTar(dir).toString(), name);
            // loopback registries are insecure as in Docker: HTTPS without verifying the self-signed certificate
            assertThat(a.ok("push", name).out()).containsPattern("1: digest: sha256:[0-9a-f]{64}");
            StrataRunner b = strata("b");
            b.ok("pull", name);
            assertThat(id(b, name)).isEqualTo(id(a, name));
            assertThat(registry.log).isNotEmpty().allSatisfy(entry -> assertThat(entry.status()).isLessThan(500));
        }
    }
}
