package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strata's archives against the real tools: skopeo reads and writes them, umoci unpacks Strata's OCI layout. */
@Tag("peers")
class PeerCompatibilityTest {
    @TempDir
    Path dir;

    StrataRunner strata;
    String id;
    Path archive;

    @BeforeEach
    void setUp() throws Exception {
        strata = new StrataRunner(dir.resolve("root"));
        id = strata.ok("import", "-c", "CMD [\"sh\"]", TestImages.busyboxTar(dir).toString(), "busybox:latest").out().strip();
        archive = dir.resolve("busybox.tar");
        strata.ok("save", "-o", archive.toString(), "busybox:latest");
    }

    @Test
    void skopeoInspectsOurArchive() throws Exception {
        JsonNode info = new ObjectMapper().readTree(run("skopeo", "inspect", "--raw", "docker-archive:" + archive));
        assertThat(info.get("config").get("digest").asText()).isEqualTo(id);
        JsonNode config = new ObjectMapper().readTree(run("skopeo", "inspect", "--config", "docker-archive:" + archive));
        assertThat(config.get("config").get("Cmd").get(0).asText()).isEqualTo("sh");
        String diffId = strata.ok("inspect", "-f", "{{index .RootFS.Layers 0}}", "busybox").out().strip();
        assertThat(config.get("rootfs").get("diff_ids").get(0).asText()).isEqualTo(diffId);
    }

    @Test
    void skopeoConvertsOurArchiveToAnOciLayout() throws Exception {
        Path layout = dir.resolve("layout");
        run("skopeo", "copy", "docker-archive:" + archive, "oci:" + layout + ":copied");
        JsonNode index = new ObjectMapper().readTree(layout.resolve("index.json").toFile());
        assertThat(index.get("manifests").get(0).get("annotations").get("org.opencontainers.image.ref.name").asText())
                .isEqualTo("copied");
    }

    @Test
    void archiveWrittenBySkopeoLoadsWithTheSameImageId() throws Exception {
        Path theirs = dir.resolve("from-skopeo.tar");
        run("skopeo", "copy", "docker-archive:" + archive, "docker-archive:" + theirs + ":roundtrip/busybox:skopeo");
        StrataRunner other = new StrataRunner(dir.resolve("other-root"));
        assertThat(other.ok("load", "-i", theirs.toString()).out()).isEqualTo("Loaded image: roundtrip/busybox:skopeo\n");
        assertThat(other.ok("images", "--no-trunc", "-q").out().strip()).isEqualTo(id);
        assertThat(other.ok("inspect", "-f", "{{.RootFS.Layers}}", "roundtrip/busybox:skopeo").out())
                .isEqualTo(strata.ok("inspect", "-f", "{{.RootFS.Layers}}", "busybox").out());
    }

    @Test
    void skopeoOciArchiveLoads() throws Exception {
        Path ociArchive = dir.resolve("oci-archive.tar");
        run("skopeo", "copy", "docker-archive:" + archive, "oci-archive:" + ociArchive + ":v1");
        StrataRunner other = new StrataRunner(dir.resolve("oci-root"));
        var loaded = other.ok("load", "-i", ociArchive.toString());
        assertThat(loaded.out()).startsWith("Loaded image");
        // skopeo rewrites the config when it converts to OCI (so the ID differs) but the layers are ours.
        assertThat(other.ok("images", "-q").lines()).hasSize(1);
        String layers = other.ok("inspect", "-f", "{{.RootFS.Layers}}", other.ok("images", "-q").out().strip()).out();
        assertThat(layers).isEqualTo(strata.ok("inspect", "-f", "{{.RootFS.Layers}}", "busybox").out());
    }

    @Test
    void umociUnpacksTheOciLayoutInsideOurArchive() throws Exception {
        Path layout = dir.resolve("extracted");
        extract(archive, layout);
        assertThat(layout.resolve("oci-layout")).exists();
        Path bundle = dir.resolve("bundle");
        run("umoci", "unpack", "--image", layout + ":latest", bundle.toString());
        assertThat(bundle.resolve("rootfs/bin/busybox")).exists();
        assertThat(Files.size(bundle.resolve("rootfs/bin/busybox"))).isEqualTo(Files.size(TestImages.BUSYBOX));
        assertThat(Files.isSymbolicLink(bundle.resolve("rootfs/bin/sh"))).isTrue();
        assertThat(bundle.resolve("config.json")).exists();
    }

    private static void extract(Path tar, Path target) throws IOException {
        try (InputStream in = Files.newInputStream(tar); TarArchiveInputStream entries = new TarArchiveInputStream(in)) {
            TarArchiveEntry entry;
            while ((entry = entries.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("entry outside target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(entries, path);
                }
            }
        }
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
