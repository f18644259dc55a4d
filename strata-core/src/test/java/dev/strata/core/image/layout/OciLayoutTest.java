package dev.strata.core.image.layout;

import static dev.strata.core.image.layout.TestImages.files;
import static dev.strata.core.image.layout.TestImages.layerTar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.StrataException;
import dev.strata.core.content.FileContentStore;
import dev.strata.core.image.Layer;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Index;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OciLayoutTest {
    private static final Platform AMD64 = new Platform("amd64", "linux", null);

    @TempDir
    Path work;

    private Path layout;
    private StoredImage busybox;
    private StoredImage app;

    @BeforeEach
    void setUp() {
        FileContentStore store = TestImages.store(work.resolve("store"));
        byte[] base = layerTar(files("bin/busybox", "ELF…", "etc/passwd", "root:x:0:0"));
        busybox = TestImages.image(store, "2024-05-01T10:00:00Z", base, layerTar("etc/motd", "hello"));
        app = TestImages.image(store, "2024-06-01T00:00:00Z", base, layerTar("app/run.sh", "echo hi"));
        layout = work.resolve("layout");
    }

    private static NamedImage named(StoredImage image, String... tags) {
        return new NamedImage(image, Arrays.stream(tags).map(Reference::parse).toList());
    }

    private JsonNode index() throws IOException {
        return Json.tree(Files.readAllBytes(layout.resolve("index.json")), "index.json");
    }

    @Test
    void roundTripsImagesTagsAndUntaggedOnes() {
        List<NamedImage> images = List.of(named(busybox, "busybox:latest", "busybox:1.36"), named(app));

        new OciLayoutWriter().write(images, layout);
        List<NamedImage> read = new OciLayoutReader(AMD64).read(layout);

        assertThat(read).hasSize(2);
        for (int i = 0; i < 2; i++) {
            TestImages.assertValid(read.get(i).image());
            assertThat(read.get(i).tags()).isEqualTo(images.get(i).tags());
            assertThat(read.get(i).image().rawManifest()).isEqualTo(images.get(i).image().rawManifest());
            assertThat(read.get(i).image().rawConfig()).isEqualTo(images.get(i).image().rawConfig());
            assertThat(read.get(i).image().layers().getFirst().file().orElseThrow()).startsWith(layout.resolve("blobs"));
        }
    }

    @Test
    void writesTheSpecsFilesAndDockerStyleNames() throws IOException {
        new OciLayoutWriter().write(List.of(named(busybox, "busybox:latest")), layout);

        assertThat(Files.readString(layout.resolve("oci-layout"))).isEqualTo("{\"imageLayoutVersion\": \"1.0.0\"}");
        JsonNode entry = index().get("manifests").get(0);
        assertThat(entry.get("digest").asText()).isEqualTo(busybox.manifestDescriptor().digest().toString());
        assertThat(entry.get("annotations").get(OciLayout.REF_NAME).asText()).isEqualTo("latest");
        assertThat(entry.get("annotations").get(OciLayout.IMAGE_NAME).asText()).isEqualTo("docker.io/library/busybox:latest");
        try (var blobs = Files.list(layout.resolve("blobs/sha256"))) {
            assertThat(blobs.map(p -> p.getFileName().toString()).toList()).hasSize(4).allMatch(n -> n.matches("[a-f0-9]{64}"));
        }
    }

    @Test
    void addsToAnExistingLayoutReplacingOnlyTheSameNames() throws IOException {
        new OciLayoutWriter().write(List.of(named(busybox, "busybox:latest", "busybox:keep")), layout);

        new OciLayoutWriter().write(List.of(named(app, "busybox:latest")), layout);

        List<NamedImage> read = new OciLayoutReader(AMD64).read(layout);
        assertThat(read).extracting(n -> n.image().id()).containsExactly(busybox.id(), app.id());
        assertThat(read.get(0).tags()).containsExactly(Reference.parse("busybox:keep"));
        assertThat(read.get(1).tags()).containsExactly(Reference.parse("busybox:latest"));
        assertThat(index().get("manifests")).hasSize(2);
    }

    @Test
    void resolvesANestedIndexToTheRequestedPlatform() throws IOException {
        new OciLayoutWriter().write(List.of(named(busybox), named(app)), layout);
        Descriptor amd = busybox.manifestDescriptor();
        Descriptor arm = app.manifestDescriptor();
        byte[] nested = Index.oci(List.of(
                new Descriptor(MediaTypes.OCI_MANIFEST, amd.digest(), amd.size(), Map.of(), AMD64),
                new Descriptor(MediaTypes.OCI_MANIFEST, arm.digest(), arm.size(), Map.of(), new Platform("arm64", "linux", "v8")))).toJson();
        Descriptor nestedBlob = new Descriptor(MediaTypes.OCI_INDEX, dev.strata.core.oci.Digest.sha256(nested), nested.length);
        Files.write(layout.resolve(OciLayout.blobPath(nestedBlob.digest())), nested);
        Files.write(layout.resolve("index.json"), Index.oci(List.of(nestedBlob.withAnnotations(
                Map.of(OciLayout.REF_NAME, "example.com/multi:1")))).toJson());

        assertThat(new OciLayoutReader(AMD64).read(layout)).singleElement().satisfies(n -> {
            assertThat(n.image().id()).isEqualTo(busybox.id());
            assertThat(n.tags()).containsExactly(Reference.parse("example.com/multi:1"));
        });
        assertThat(new OciLayoutReader(new Platform("arm64", "linux", "v8")).read(layout))
                .singleElement().satisfies(n -> assertThat(n.image().id()).isEqualTo(app.id()));
        assertThatThrownBy(() -> new OciLayoutReader(new Platform("s390x", "linux", null)).read(layout))
                .isInstanceOf(StrataException.class)
                .hasMessage("cannot read OCI layout " + layout + ": image index " + nestedBlob.digest()
                        + " has no image for linux/s390x in this medium");
    }

    @Test
    void refusesAManifestWhoseBytesDoNotMatchItsDigest() throws IOException {
        new OciLayoutWriter().write(List.of(named(busybox, "busybox:latest")), layout);
        Path manifest = layout.resolve(OciLayout.blobPath(busybox.manifestDescriptor().digest()));
        Files.writeString(manifest, Files.readString(manifest).replace("\"size\"", " \"size\""));

        assertThatThrownBy(() -> new OciLayoutReader(AMD64).read(layout))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CORRUPT))
                .hasMessageStartingWith("cannot read OCI layout " + layout + ": manifest " + busybox.manifestDescriptor().digest()
                        + " does not match its digest");
    }

    @Test
    void sniffsLayerCompressionFromMagicBytes() {
        assertThat(LayerMediaTypes.sniff(new byte[] {0x1f, (byte) 0x8b, 8, 0})).isEqualTo(MediaTypes.OCI_LAYER_GZIP);
        assertThat(LayerMediaTypes.sniff(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd})).isEqualTo(MediaTypes.OCI_LAYER_ZSTD);
        assertThat(LayerMediaTypes.sniff("etc/passwd".getBytes())).isEqualTo(MediaTypes.OCI_LAYER);
        assertThat(LayerMediaTypes.sniff(new byte[0])).isEqualTo(MediaTypes.OCI_LAYER);
    }

    @Test
    void copiesLayersByteForByte() throws IOException {
        new OciLayoutWriter().write(List.of(named(busybox, "busybox:latest")), layout);

        for (Layer layer : busybox.layers()) {
            assertThat(Files.readAllBytes(layout.resolve(OciLayout.blobPath(layer.descriptor().digest()))))
                    .isEqualTo(Files.readAllBytes(layer.file().orElseThrow()));
        }
    }
}
