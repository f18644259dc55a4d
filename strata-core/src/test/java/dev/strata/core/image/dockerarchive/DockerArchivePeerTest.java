package dev.strata.core.image.dockerarchive;

import static dev.strata.core.image.layout.TestImages.files;
import static dev.strata.core.image.layout.TestImages.layerTar;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.content.FileContentStore;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.image.layout.OciLayoutReader;
import dev.strata.core.image.layout.OciLayoutWriter;
import dev.strata.core.image.layout.TestImages;
import dev.strata.core.image.layout.Tools;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives checked with skopeo, the real peer a user meets (installed from Debian; CI has it). */
class DockerArchivePeerTest {
    private static final Platform AMD64 = new Platform("amd64", "linux", null);

    @TempDir
    Path work;

    private FileContentStore store;
    private StoredImage busybox;
    private StoredImage app;

    @BeforeEach
    void setUp() {
        store = TestImages.store(work.resolve("store"));
        byte[] base = layerTar(files("bin/busybox", "ELF…", "etc/passwd", "root:x:0:0"));
        busybox = TestImages.image(store, "2024-05-01T10:00:00Z", base, layerTar("etc/motd", "hello"));
        app = TestImages.image(store, "2024-06-01T00:00:00Z", base, layerTar("app/run.sh", "echo hi"));
    }

    private Path save(String name, List<NamedImage> images) throws IOException {
        Path file = work.resolve(name);
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            new DockerArchiveWriter().write(images, out);
        }
        return file;
    }

    private static List<String> layerDigests(Image image) {
        return image.layers().stream().map(l -> l.descriptor().digest().toString()).toList();
    }

    @Test
    void skopeoInspectsOurArchiveAndItsConfigBytes() throws IOException {
        Path archive = save("busybox.tar", List.of(new NamedImage(busybox, List.of(Reference.parse("busybox:latest")))));

        JsonNode inspect = Json.tree(Tools.run("skopeo", "inspect", "docker-archive:" + archive).getBytes(StandardCharsets.UTF_8), "skopeo");
        String rawConfig = Tools.run("skopeo", "inspect", "--config", "--raw", "docker-archive:" + archive);

        assertThat(inspect.get("Layers")).extracting(JsonNode::asText).containsExactlyElementsOf(layerDigests(busybox));
        assertThat(inspect.get("Architecture").asText()).isEqualTo("amd64");
        assertThat(inspect.get("Os").asText()).isEqualTo("linux");
        assertThat(Digest.sha256(rawConfig.getBytes(StandardCharsets.UTF_8))).isEqualTo(busybox.id());
    }

    @Test
    void skopeoFindsEachImageOfAMultiImageArchiveByTag() throws IOException {
        Path archive = save("two.tar", List.of(new NamedImage(busybox, List.of(Reference.parse("busybox:latest"))),
                new NamedImage(app, List.of(Reference.parse("example.com/app:1")))));

        String appConfig = Tools.run("skopeo", "inspect", "--config", "--raw", "docker-archive:" + archive + ":example.com/app:1");
        String busyboxConfig = Tools.run("skopeo", "inspect", "--config", "--raw", "docker-archive:" + archive + ":busybox:latest");

        assertThat(Digest.sha256(appConfig.getBytes(StandardCharsets.UTF_8))).isEqualTo(app.id());
        assertThat(Digest.sha256(busyboxConfig.getBytes(StandardCharsets.UTF_8))).isEqualTo(busybox.id());
    }

    /**
     * skopeo converts a docker-archive's schema 2 manifest to OCI on the way into a layout and re-encodes the config
     * JSON in Go's field order, so the config digest changes (it does the same to Docker's own archives), and it
     * gzips the layers; what must survive is the config's content and every layer's uncompressed bytes.
     */
    @Test
    void skopeoCopiesOurArchiveIntoAnOciLayoutKeepingConfigAndLayers() throws IOException {
        Path archive = save("busybox.tar", List.of(new NamedImage(busybox, List.of(Reference.parse("busybox:latest")))));
        Path layout = work.resolve("layout");

        Tools.run("skopeo", "copy", "docker-archive:" + archive, "oci:" + layout + ":copied");

        List<NamedImage> images = new OciLayoutReader(AMD64).read(layout);
        assertThat(images).hasSize(1);
        Image copied = images.getFirst().image();
        TestImages.assertValid(copied);
        assertThat(Json.tree(copied.rawConfig(), "copied config")).isEqualTo(Json.tree(busybox.rawConfig(), "config"));
        assertThat(copied.layers()).extracting(Layer::diffId).containsExactlyElementsOf(busybox.layers().stream().map(Layer::diffId).toList());
        for (Layer layer : copied.layers()) {
            assertThat(layer.descriptor().mediaType()).isEqualTo(MediaTypes.OCI_LAYER_GZIP);
            try (InputStream in = new GZIPInputStream(layer.open())) {
                assertThat(Digest.sha256(in.readAllBytes())).isEqualTo(layer.diffId());
            }
        }
    }

    @Test
    void readsTheArchiveSkopeoWritesWithTheSameImageId() throws IOException {
        Path layout = work.resolve("layout");
        new OciLayoutWriter().write(List.of(new NamedImage(busybox, List.of(Reference.parse("busybox:latest")))), layout);
        Path archive = work.resolve("from-skopeo.tar");

        Tools.run("skopeo", "copy", "oci:" + layout + ":latest", "docker-archive:" + archive + ":busybox:latest");

        FileContentStore target = TestImages.store(work.resolve("target"));
        try (InputStream in = Files.newInputStream(archive);
                LoadedArchive loaded = new DockerArchiveReader(target, AMD64).read(in)) {
            assertThat(loaded.images()).hasSize(1);
            NamedImage image = loaded.images().getFirst();
            TestImages.assertValid(image.image());
            assertThat(image.image().id()).isEqualTo(busybox.id());
            assertThat(image.tags()).containsExactly(Reference.parse("busybox:latest"));
            assertThat(layerDigests(image.image())).isEqualTo(layerDigests(busybox));
            loaded.publish();
        }
        assertThat(TestImages.leftovers(work.resolve("target"))).isEmpty();
    }
}
