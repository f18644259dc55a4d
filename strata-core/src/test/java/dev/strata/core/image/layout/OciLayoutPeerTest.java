package dev.strata.core.image.layout;

import static dev.strata.core.image.layout.TestImages.files;
import static dev.strata.core.image.layout.TestImages.layerTar;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.content.FileContentStore;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.Reference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Layouts checked with umoci and skopeo, the real peers (installed from Debian; CI runs as root and has them). */
class OciLayoutPeerTest {
    @TempDir
    Path work;

    private StoredImage busybox;

    @BeforeEach
    void setUp() {
        FileContentStore store = TestImages.store(work.resolve("store"));
        busybox = TestImages.image(store, "2024-05-01T10:00:00Z",
                layerTar(files("bin/busybox", "ELF…", "etc/passwd", "root:x:0:0")), layerTar("etc/motd", "hello from strata"));
    }

    @Test
    void umociUnpacksOurLayoutIntoABundle() throws IOException {
        Path layout = work.resolve("layout");
        new OciLayoutWriter().write(List.of(new NamedImage(busybox, List.of(Reference.parse("busybox:latest")))), layout);
        Path bundle = work.resolve("bundle");

        Tools.run("umoci", "unpack", "--image", layout + ":latest", bundle.toString());

        assertThat(Files.readString(bundle.resolve("rootfs/etc/motd"))).isEqualTo("hello from strata");
        assertThat(bundle.resolve("rootfs/etc/passwd")).exists();
        assertThat(bundle.resolve("config.json")).exists();
    }

    @Test
    void skopeoInspectsOurLayoutByTag() throws IOException {
        Path layout = work.resolve("layout");
        new OciLayoutWriter().write(List.of(new NamedImage(busybox, List.of(Reference.parse("busybox:1.36")))), layout);

        JsonNode inspect = Json.tree(Tools.run("skopeo", "inspect", "oci:" + layout + ":1.36").getBytes(StandardCharsets.UTF_8), "skopeo");

        assertThat(inspect.get("Digest").asText()).isEqualTo(busybox.manifestDescriptor().digest().toString());
        assertThat(inspect.get("Layers")).extracting(JsonNode::asText)
                .containsExactlyElementsOf(busybox.layers().stream().map(l -> l.descriptor().digest().toString()).toList());
    }
}
