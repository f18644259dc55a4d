package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against Strata's own registry server, without auth: a BusyBox round trip, what skopeo makes of a
 * {@code strata push}, chunked uploads, cross-repository mounts and {@code -a} both ways.
 */
@Tag("root")
class OwnRegistryTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    LocalRegistry registry;

    @BeforeEach
    void start() {
        registry = LocalRegistry.open(dir.resolve("registry"));
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private StrataRunner strata(String store, Map<String, String> env) {
        Map<String, String> all = new java.util.HashMap<>(Map.of("DOCKER_CONFIG", dir.resolve("docker").toString(),
                "STRATA_DAEMON_CONFIG", dir.resolve("none.json").toString()));
        all.putAll(env);
        return new StrataRunner(dir.resolve(store)).withEnv(all);
    }

    private StrataRunner strata(String store) {
        return strata(store, Map.of());
    }

    private static String id(StrataRunner strata, String name) {
        return strata.ok("inspect", "-f", "{{.Id}}", name).out().strip();
    }

    private static String layers(StrataRunner strata, String name) {
        return strata.ok("inspect", "-f", "{{json .RootFS.Layers}}", name).out().strip();
    }

    @Test
    void runAndCreatePullAMissingImageAsPullSaysShowingThePullOnStandardError() throws Exception {
        String name = registry.host() + "/test/runner:1";
        StrataRunner a = strata("a");
        a.ok("import", TestImages.busyboxTar(dir).toString(), name);
        a.ok("push", name);
        StrataRunner b = strata("b");

        var never = b.run("run", "--rm", "--pull", "never", "--network", "none", name, "echo", "hi");
        assertThat(never.exitCode()).isEqualTo(125);
        assertThat(never.err()).contains("No such image: " + name);
        assertThat(b.run("inspect", name).exitCode()).isEqualTo(1);

        var run = b.ok("run", "--rm", "--network", "none", name, "echo", "hi");
        assertThat(run.out()).isEqualTo("hi\n");
        assertThat(run.err()).contains("Unable to find image '" + name + "' locally")
                .contains("Status: Downloaded newer image for " + name);
        assertThat(id(b, name)).isEqualTo(id(a, name));

        var again = b.ok("run", "--rm", "--network", "none", name, "echo", "again");
        assertThat(again.out()).isEqualTo("again\n");
        assertThat(again.err()).doesNotContain("Unable to find image");

        var always = b.ok("create", "--pull", "always", name, "sh");
        assertThat(always.out().strip()).matches("[0-9a-f]{64}");
        assertThat(always.err()).contains("Status: Image is up to date for " + name);

        var bogus = b.run("run", "--pull", "sometimes", name);
        assertThat(bogus.exitCode()).isEqualTo(125);
        assertThat(bogus.err()).contains("invalid pull option: 'sometimes'");
    }

    @Test
    void busyboxRoundTripKeepsTheImageIdAndLayersAndSkopeoReadsWhatWasPushed() throws Exception {
        String name = registry.host() + "/test/busybox:1";
        StrataRunner a = strata("a");
        a.ok("import", TestImages.busyboxTar(dir).toString(), name);
        String id = id(a, name);
        String layers = layers(a, name);

        var push = a.ok("push", name);
        assertThat(push.out()).contains("The push refers to repository [" + registry.host() + "/test/busybox]")
                .contains(": Pushed").containsPattern("1: digest: sha256:[0-9a-f]{64} size: \\d+");
        a.ok("rmi", name);
        assertThat(a.run("inspect", name).exitCode()).isEqualTo(1);

        var pull = a.ok("pull", name);
        assertThat(pull.out()).contains("Status: Downloaded newer image for " + name).endsWith(name + "\n");
        assertThat(id(a, name)).isEqualTo(id);
        assertThat(layers(a, name)).isEqualTo(layers);
        String digest = push.out().replaceAll("(?s).*1: digest: (sha256:[0-9a-f]{64}).*", "$1");
        assertThat(a.ok("inspect", "-f", "{{json .RepoDigests}}", name).out())
                .contains(registry.host() + "/test/busybox@" + digest);

        JsonNode inspected = JSON.readTree(skopeo("inspect", "--tls-verify=false", "docker://" + name));
        assertThat(inspected.path("Digest").asText()).as("%s%n%s", push.out(), inspected).isEqualTo(digest);
        assertThat(inspected.path("Architecture").asText()).isEqualTo("amd64");
        Path layout = dir.resolve("oci");
        skopeo("copy", "--src-tls-verify=false", "docker://" + name, "oci:" + layout + ":1");
        JsonNode index = JSON.readTree(Files.readAllBytes(layout.resolve("index.json")));
        assertThat(index.path("manifests")).hasSize(1);
        JsonNode manifest = JSON.readTree(blob(layout, index.path("manifests").get(0).path("digest").asText()));
        JsonNode config = JSON.readTree(blob(layout, manifest.path("config").path("digest").asText()));
        // skopeo rewrites the config when it converts to OCI, so the layers are what must agree
        assertThat(config.path("rootfs").path("diff_ids").toString().replace("\"", ""))
                .isEqualTo(layers.replace("\"", ""));
    }

    private static byte[] blob(Path layout, String digest) throws java.io.IOException {
        return Files.readAllBytes(layout.resolve("blobs/sha256/" + digest.substring("sha256:".length())));
    }

    @Test
    void bigLayersGoUpInChunksWhenTheThresholdIsSmall() throws Exception {
        String name = registry.host() + "/test/chunked:1";
        StrataRunner a = strata("a", Map.of("STRATA_PUSH_CHUNK_SIZE", "65536"));
        a.ok("import", TestImages.busyboxTar(dir).toString(), name);

        a.ok("push", name);

        assertThat(registry.count("PATCH", "/v2/test/chunked/blobs/uploads/")).isGreaterThan(3);
        StrataRunner b = strata("b");
        b.ok("pull", name);
        assertThat(id(b, name)).isEqualTo(id(a, name));
    }

    @Test
    void aPulledImagePushedToTheSameRegistrySendsNoLayerThoughItsCompressedBytesWereNotKept() throws Exception {
        String first = registry.host() + "/test/pulled:1";
        StrataRunner a = strata("a");
        a.ok("import", TestImages.busyboxTar(dir).toString(), first);
        a.ok("push", first);
        StrataRunner b = strata("b");
        b.ok("pull", first);
        String again = registry.host() + "/test/pulled:2";
        String elsewhere = registry.host() + "/other/pulled:1";
        b.ok("tag", first, again);
        b.ok("tag", first, elsewhere);

        assertThat(b.ok("push", again).out()).contains(": Layer already exists").doesNotContain(": Pushed");
        assertThat(b.ok("push", elsewhere).out()).contains(": Mounted from test/pulled").doesNotContain(": Pushed");
    }

    @Test
    void aBuildPullsABaseImageTheStoreLacksAndPullsAgainWithPull() throws Exception {
        String base = registry.host() + "/test/base:1";
        StrataRunner a = strata("a");
        a.ok("import", TestImages.busyboxTar(dir).toString(), base);
        a.ok("push", base);
        Path context = java.nio.file.Files.createDirectories(dir.resolve("context"));
        java.nio.file.Files.writeString(context.resolve("Dockerfile"), "FROM " + base + "\nLABEL built=yes\n");

        StrataRunner b = strata("b");
        var first = b.ok("build", "-t", "built:1", context.toString());
        assertThat(first.out()).contains("Step 1/2 : FROM " + base).contains("Pulling from test/base")
                .contains("Status: Downloaded newer image for " + base);
        assertThat(id(b, base)).isEqualTo(id(a, base));
        assertThat(b.ok("build", "-t", "built:1", context.toString()).out()).doesNotContain("Pulling from");

        // the tag moves on in the registry: only --pull fetches the new base
        a.ok("import", "-c", "ENV MOVED=1", TestImages.busyboxTar(dir).toString(), base);
        a.ok("push", base);
        assertThat(b.ok("build", "-t", "built:1", context.toString()).out()).doesNotContain("Pulling from");
        assertThat(b.ok("build", "--pull", "-t", "built:1", context.toString()).out()).contains("Pulling from test/base");
        assertThat(id(b, base)).isEqualTo(id(a, base));
    }

    @Test
    void aSecondRepositoryMountsTheLayersOfTheFirst() throws Exception {
        StrataRunner a = strata("a");
        String first = registry.host() + "/test/first:1";
        String second = registry.host() + "/other/second:1";
        a.ok("import", TestImages.busyboxTar(dir).toString(), first);
        a.ok("push", first);
        a.ok("tag", first, second);

        var push = a.ok("push", second);

        assertThat(push.out()).contains("Mounted from test/first").doesNotContain(": Pushed");
        assertThat(registry.count("POST", "/v2/other/second/blobs/uploads/")).isPositive();
        assertThat(registry.send("HEAD", "/v2/other/second/manifests/1", null).statusCode()).isEqualTo(200);
    }

    @Test
    void allTagsArePushedAndPulledWithDashA() throws Exception {
        StrataRunner a = strata("a");
        String repository = registry.host() + "/test/many";
        a.ok("import", TestImages.filesTar(dir, "one.tar", Map.of("one", "1")).toString(), repository + ":one");
        a.ok("import", TestImages.filesTar(dir, "two.tar", Map.of("two", "2")).toString(), repository + ":two");
        a.ok("tag", repository + ":two", repository + ":latest");
        a.ok("import", TestImages.filesTar(dir, "x.tar", Map.of("x", "x")).toString(), registry.host() + "/test/else:x");

        var push = a.ok("push", "-a", repository);
        assertThat(push.out()).contains("latest: digest: ", "one: digest: ", "two: digest: ");
        assertThat(registry.text("/v2/test/many/tags/list")).contains("\"latest\"", "\"one\"", "\"two\"")
                .doesNotContain("\"x\"");
        assertThat(registry.send("GET", "/v2/test/else/tags/list", null).statusCode()).isEqualTo(404);

        StrataRunner b = strata("b");
        var pull = b.ok("pull", "-a", repository);
        assertThat(pull.out()).contains("Status: Downloaded newer image for " + repository).endsWith(repository + "\n");
        for (String tag : List.of("one", "two", "latest")) {
            assertThat(id(b, repository + ":" + tag)).isEqualTo(id(a, repository + ":" + tag));
        }
        assertThat(b.run("push", "-a", repository + ":one").err()).contains("tag can't be used with --all-tags/-a");
    }

    static String skopeo(String... arguments) throws Exception {
        var command = new java.util.ArrayList<>(List.of("skopeo", "--registries-conf", "/dev/null"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("skopeo did not finish");
        }
        assertThat(process.exitValue()).as("%s: %s", command, output).isZero();
        return output;
    }
}
