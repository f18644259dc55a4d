package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Multi-platform indexes, mirrors and search, against Strata's own registry server (and the mirror case with two of
 * them).
 */
@Tag("root")
class RegistryIndexMirrorSearchTest {
    private static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";

    @TempDir
    Path dir;

    private StrataRunner strata(String store, String daemonJson) throws Exception {
        Path daemon = dir.resolve(store + "-daemon.json");
        Files.writeString(daemon, daemonJson);
        return new StrataRunner(dir.resolve(store)).withEnv(Map.of("DOCKER_CONFIG", dir.resolve("docker").toString(),
                "STRATA_DAEMON_CONFIG", daemon.toString()));
    }

    private static String id(StrataRunner strata, String name) {
        return strata.ok("inspect", "-f", "{{.Id}}", name).out().strip();
    }

    /** An image of one uncompressed layer holding {@code file}, for {@code arch}; returns its manifest's digest. */
    private static Digest image(LocalRegistry registry, String repository, String arch, String file) throws Exception {
        Path tar = TestImages.filesTar(Files.createTempDirectory("layer"), "layer.tar", Map.of(file, arch));
        byte[] layer = Files.readAllBytes(tar);
        Digest layerDigest = registry.pushBlob(repository, layer);
        byte[] config = ("{\"architecture\":\"" + arch + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"" + layerDigest + "\"]},\"history\":[{}]}")
                .getBytes(StandardCharsets.UTF_8);
        Digest configDigest = registry.pushBlob(repository, config);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_MANIFEST + "\",\"config\":{\"mediaType\":"
                + "\"application/vnd.oci.image.config.v1+json\",\"digest\":\"" + configDigest + "\",\"size\":"
                + config.length + "},\"layers\":[{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\","
                + "\"digest\":\"" + layerDigest + "\",\"size\":" + layer.length + "}]}").getBytes(StandardCharsets.UTF_8);
        return registry.putManifest(repository, Digest.sha256(manifest).toString(), OCI_MANIFEST, manifest);
    }

    private static long size(LocalRegistry registry, String repository, Digest manifest) {
        return registry.send("GET", "/v2/" + repository + "/manifests/" + manifest, null, "Accept", OCI_MANIFEST)
                .body().length;
    }

    @Test
    void anIndexPullsLinuxAmd64ByDefaultAndTheOtherPlatformOnRequestWithTheIndexAsRepoDigest() throws Exception {
        try (LocalRegistry registry = LocalRegistry.open(dir.resolve("registry"))) {
            Digest amd64 = image(registry, "test/multi", "amd64", "amd");
            Digest arm64 = image(registry, "test/multi", "arm64", "arm");
            byte[] index = ("{\"schemaVersion\":2,\"mediaType\":\"" + OCI_INDEX + "\",\"manifests\":["
                    + "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + arm64 + "\",\"size\":"
                    + size(registry, "test/multi", arm64) + ",\"platform\":{\"architecture\":\"arm64\",\"os\":\"linux\"}},"
                    + "{\"mediaType\":\"" + OCI_MANIFEST + "\",\"digest\":\"" + amd64 + "\",\"size\":"
                    + size(registry, "test/multi", amd64) + ",\"platform\":{\"architecture\":\"amd64\",\"os\":\"linux\"}}]}")
                    .getBytes(StandardCharsets.UTF_8);
            Digest indexDigest = registry.putManifest("test/multi", "v1", OCI_INDEX, index);
            String name = registry.host() + "/test/multi";

            StrataRunner a = strata("a", "{}");
            a.ok("pull", name + ":v1");
            assertThat(a.ok("inspect", "-f", "{{.Architecture}} {{json .RepoDigests}}", name + ":v1").out())
                    .isEqualTo("amd64 [\"" + name + "@" + indexDigest + "\"]\n");

            StrataRunner b = strata("b", "{}");
            b.ok("pull", "--platform", "linux/arm64", name + ":v1");
            assertThat(b.ok("inspect", "-f", "{{.Architecture}}", name + ":v1").out()).isEqualTo("arm64\n");
            assertThat(id(b, name + ":v1")).isNotEqualTo(id(a, name + ":v1"));

            StrataRunner c = strata("c", "{}");
            var byIndex = c.ok("pull", name + "@" + indexDigest);
            assertThat(byIndex.out()).contains("Digest: " + indexDigest).endsWith(name + "@" + indexDigest + "\n");
            assertThat(id(c, name + "@" + indexDigest)).isEqualTo(id(a, name + ":v1"));
            c.ok("pull", name + "@" + arm64);
            assertThat(id(c, name + "@" + arm64)).isEqualTo(id(b, name + ":v1"));
            assertThat(c.ok("images", "--digests", "--format", "{{.Tag}} {{.Digest}}", name).out())
                    .contains("<none> " + indexDigest, "<none> " + arm64);

            var missing = strata("d", "{}").run("pull", "--platform", "linux/s390x", name + ":v1");
            assertThat(missing.exitCode()).isEqualTo(1);
            assertThat(missing.err()).isEqualTo("Error: no matching manifest for linux/s390x in the manifest list entries\n");
        }
    }

    @Test
    void pullsGoToTheMirrorFirstAndFallBackToTheRegistryWhenItLacksTheImage() throws Exception {
        try (LocalRegistry upstream = LocalRegistry.open(dir.resolve("upstream"));
                LocalRegistry mirror = LocalRegistry.open(dir.resolve("mirror"))) {
            image(upstream, "team/app", "amd64", "from-upstream");
            Digest mirrored = image(mirror, "team/app", "amd64", "from-mirror");
            mirror.putManifest("team/app", "cached", OCI_MANIFEST, mirror.send("GET", "/v2/team/app/manifests/"
                    + mirrored, null, "Accept", OCI_MANIFEST).body());
            upstream.putManifest("team/app", "cached", OCI_MANIFEST, upstream.send("GET", "/v2/team/app/manifests/"
                    + image(upstream, "team/app", "amd64", "other"), null, "Accept", OCI_MANIFEST).body());
            upstream.putManifest("team/app", "only-upstream", OCI_MANIFEST, upstream.send("GET",
                    "/v2/team/app/manifests/" + image(upstream, "team/app", "amd64", "only"), null, "Accept",
                    OCI_MANIFEST).body());
            String daemon = "{\"registry-mirrors\":{\"" + upstream.host() + "\":[\"http://127.0.0.1:1\",\"http://"
                    + mirror.host() + "\"]}}";
            StrataRunner a = strata("a", daemon);
            String name = upstream.host() + "/team/app";

            a.ok("pull", name + ":cached");
            assertThat(mirror.count("GET", "/v2/team/app/manifests/cached")).isEqualTo(1);
            assertThat(upstream.count("GET", "/v2/team/app/manifests/cached")).isZero();
            assertThat(a.ok("inspect", "-f", "{{json .RepoDigests}}", name + ":cached").out())
                    .contains(name + "@" + mirrored);

            a.ok("pull", name + ":only-upstream");
            assertThat(mirror.count("GET", "/v2/team/app/manifests/only-upstream")).isEqualTo(1);
            assertThat(upstream.count("GET", "/v2/team/app/manifests/only-upstream")).isEqualTo(1);
        }
    }

    @Test
    void searchUsesV1SearchOnStrataAndShowsDockersColumns() throws Exception {
        try (LocalRegistry registry = LocalRegistry.open(dir.resolve("registry"))) {
            for (String repository : new String[] {"tools/busybox", "busybox", "alpine", "more/busybox-extra"}) {
                image(registry, repository, "amd64", "f");
            }
            StrataRunner a = strata("a", "{}");

            var table = a.ok("search", registry.host() + "/busybox");
            assertThat(table.lines()).containsExactly(
                    "NAME                 DESCRIPTION   STARS     OFFICIAL   AUTOMATED",
                    "busybox                            0                    ",
                    "more/busybox-extra                 0                    ",
                    "tools/busybox                      0                    ");
            assertThat(registry.count("GET", "/v1/search")).isEqualTo(1);
            assertThat(a.ok("search", "--limit", "1", "--format", "{{.Name}}:{{.StarCount}}:{{.IsOfficial}}",
                    registry.host() + "/busybox").out()).isEqualTo("busybox:0:\n");
            assertThat(a.ok("search", "--filter", "stars=1", "--format", "{{.Name}}", registry.host() + "/busybox")
                    .out()).isEmpty();
            assertThat(a.ok("search", "--filter", "is-official=false", "--format", "{{.Name}}",
                    registry.host() + "/alp").out()).isEqualTo("alpine\n");
            var bad = a.run("search", "--filter", "color=red", registry.host() + "/busybox");
            assertThat(bad.exitCode()).isEqualTo(1);
            assertThat(bad.err()).isEqualTo("Error: invalid filter 'color'\n");
            assertThat(a.run("search", "--limit", "0", registry.host() + "/x").err())
                    .isEqualTo("Error: limit 0 is outside the range of [1, 100]\n");
        }
    }
}
