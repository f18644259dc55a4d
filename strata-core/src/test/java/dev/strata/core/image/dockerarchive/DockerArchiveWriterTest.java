package dev.strata.core.image.dockerarchive;

import static dev.strata.core.image.layout.TestImages.files;
import static dev.strata.core.image.layout.TestImages.layerTar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.StrataException;
import dev.strata.core.content.FileContentStore;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.image.layout.TestImages;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.Reference;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerArchiveWriterTest {
    private static final String CREATED = "2024-05-01T10:00:00Z";

    @TempDir
    Path root;

    private FileContentStore store;
    private StoredImage busybox;

    @BeforeEach
    void setUp() {
        store = TestImages.store(root);
        busybox = TestImages.image(store, CREATED, layerTar(files("bin/busybox", "ELF…", "etc/passwd", "root:x:0:0")),
                layerTar("etc/motd", "hello"));
    }

    private static byte[] write(List<NamedImage> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DockerArchiveWriter().write(images, out);
        return out.toByteArray();
    }

    private static NamedImage named(Image image, String... tags) {
        return new NamedImage(image, java.util.Arrays.stream(tags).map(Reference::parse).toList());
    }

    @Test
    void writesTheLayoutDocker25Writes() {
        TarEntries tar = TarEntries.of(write(List.of(named(busybox, "busybox:latest"))));

        Digest manifestDigest = busybox.manifestDescriptor().digest();
        List<String> blobs = java.util.stream.Stream.of(busybox.id(), manifestDigest,
                        busybox.layers().get(0).descriptor().digest(), busybox.layers().get(1).descriptor().digest())
                .sorted().map(d -> "blobs/sha256/" + d.encoded()).toList();
        assertThat(tar.names()).containsExactlyElementsOf(java.util.stream.Stream.concat(
                java.util.stream.Stream.concat(java.util.stream.Stream.of("blobs/", "blobs/sha256/"), blobs.stream()),
                java.util.stream.Stream.of("index.json", "manifest.json", "oci-layout", "repositories")).toList());
        String config = "blobs/sha256/" + busybox.id().encoded();
        String layer0 = "blobs/sha256/" + busybox.layers().get(0).diffId().encoded();
        String layer1 = "blobs/sha256/" + busybox.layers().get(1).diffId().encoded();
        assertThat(tar.text("manifest.json")).isEqualTo("[{\"Config\":\"" + config + "\",\"RepoTags\":[\"busybox:latest\"],"
                + "\"Layers\":[\"" + layer0 + "\",\"" + layer1 + "\"]}]\n");
        assertThat(tar.text("repositories")).isEqualTo("{\"busybox\":{\"latest\":\""
                + busybox.layers().get(1).diffId().encoded() + "\"}}\n");
        assertThat(tar.text("oci-layout")).isEqualTo("{\"imageLayoutVersion\": \"1.0.0\"}");
        assertThat(tar.text("index.json")).isEqualTo("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"digest\":\"" + manifestDigest
                + "\",\"size\":" + busybox.rawManifest().length + ",\"annotations\":{\"io.containerd.image.name\":"
                + "\"docker.io/library/busybox:latest\",\"org.opencontainers.image.ref.name\":\"latest\"}}]}");
        assertThat(tar.contents().get(config)).isEqualTo(busybox.rawConfig());
        assertThat(tar.contents().get("blobs/sha256/" + manifestDigest.encoded())).isEqualTo(busybox.rawManifest());
        assertThat(Digest.sha256(tar.contents().get(layer0))).isEqualTo(busybox.layers().get(0).diffId());
    }

    @Test
    void normalisesOwnersModesAndTimes() {
        TarEntries tar = TarEntries.of(write(List.of(named(busybox, "busybox:latest"))));

        Instant created = Instant.parse(CREATED);
        for (TarArchiveEntry entry : tar.headers()) {
            assertThat(entry.getLongUserId()).isZero();
            assertThat(entry.getLongGroupId()).isZero();
            assertThat(entry.getUserName()).isEmpty();
            assertThat(entry.getGroupName()).isEmpty();
            assertThat(entry.getMode()).isEqualTo(entry.isDirectory() ? 040755 : 0100644);
            boolean imageBlob = entry.getName().endsWith(busybox.id().encoded())
                    || busybox.layers().stream().anyMatch(l -> entry.getName().endsWith(l.diffId().encoded()));
            assertThat(entry.getLastModifiedTime().toInstant()).as(entry.getName()).isEqualTo(imageBlob ? created : Instant.EPOCH);
        }
    }

    @Test
    void sameImagesGiveTheSameBytesThroughStreamAndChannel() throws IOException {
        List<NamedImage> images = List.of(named(busybox, "busybox:latest", "busybox:1.36"));
        Path file = root.resolve("out.tar");
        try (FileOutputStream out = new FileOutputStream(file.toFile())) {
            new DockerArchiveWriter().write(images, out);
        }

        byte[] first = write(images);
        assertThat(write(images)).isEqualTo(first);
        assertThat(Files.readAllBytes(file)).isEqualTo(first);
    }

    @Test
    void writesSharedLayersOnceAndMergesTagsOfOneImage() {
        StoredImage app = TestImages.image(store, "2024-06-01T00:00:00Z", busybox.layers().stream()
                .map(l -> readAll(l)).findFirst().orElseThrow(), layerTar("app/run.sh", "echo hi"));

        TarEntries tar = TarEntries.of(write(List.of(named(busybox, "busybox:latest"), named(app, "example.com/app:1"),
                named(busybox, "busybox:1.36"))));

        String shared = "blobs/sha256/" + busybox.layers().get(0).diffId().encoded();
        assertThat(tar.names()).filteredOn(shared::equals).hasSize(1);
        assertThat(tar.names()).filteredOn(n -> n.startsWith("blobs/sha256/") && !n.endsWith("/")).hasSize(2 + 3 + 2);
        JsonNode manifest = Json.tree(tar.contents().get("manifest.json"), "manifest.json");
        assertThat(manifest).hasSize(2);
        assertThat(manifest.get(0).get("RepoTags").toString()).isEqualTo("[\"busybox:latest\",\"busybox:1.36\"]");
        assertThat(manifest.get(1).get("RepoTags").toString()).isEqualTo("[\"example.com/app:1\"]");
        assertThat(manifest.get(1).get("Layers").get(0).asText()).isEqualTo(shared);
        assertThat(Json.tree(tar.contents().get("index.json"), "index").get("manifests")).hasSize(3);
        assertThat(tar.text("repositories")).contains("\"busybox\":{\"1.36\":").contains("\"example.com/app\":{\"1\":");
    }

    @Test
    void untaggedImageHasNullRepoTagsAndOneUnnamedIndexEntry() {
        TarEntries tar = TarEntries.of(write(List.of(new NamedImage(busybox, List.of()))));

        assertThat(tar.text("manifest.json")).startsWith("[{\"Config\":\"blobs/sha256/" + busybox.id().encoded()
                + "\",\"RepoTags\":null,\"Layers\":[");
        JsonNode entries = Json.tree(tar.contents().get("index.json"), "index").get("manifests");
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).has("annotations")).isFalse();
        assertThat(tar.names()).doesNotContain("repositories");
    }

    @Test
    void refusesOneTagForTwoImages() {
        StoredImage other = TestImages.image(store, CREATED, layerTar("x", "y"));

        assertThatThrownBy(() -> write(List.of(named(busybox, "busybox"), named(other, "busybox:latest"))))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT))
                .hasMessageStartingWith("cannot save images: busybox:latest names two different images");
    }

    @Test
    void streamsLayersThatAreNotFiles() {
        Image streamed = new StreamOnly(busybox);

        assertThat(write(List.of(named(streamed, "busybox:latest")))).isEqualTo(write(List.of(named(busybox, "busybox:latest"))));
    }

    @Test
    void refusesALayerShorterThanItsDescriptor() {
        Layer real = busybox.layers().get(0);
        Descriptor lying = new Descriptor(real.descriptor().mediaType(), real.descriptor().digest(), real.descriptor().size() + 1);
        Image broken = new StreamOnly(busybox) {
            @Override
            public List<Layer> layers() {
                return List.of(new Wrapped(real, lying), busybox.layers().get(1));
            }
        };

        assertThatThrownBy(() -> write(List.of(named(broken, "busybox:latest"))))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.SYSTEM))
                .hasMessageContaining("cannot save images:");
    }

    @Test
    void givesFilesOfEightGibibytesAPaxSize() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarSink sink = new TarSink(out);
        long huge = 9L << 30;

        sink.fileHeader("blobs/sha256/" + "a".repeat(64), huge, Instant.EPOCH);
        sink.finish();

        try (var in = new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(
                new java.io.ByteArrayInputStream(out.toByteArray()))) {
            TarArchiveEntry entry = in.getNextEntry();
            assertThat(entry.getName()).isEqualTo("blobs/sha256/" + "a".repeat(64));
            assertThat(entry.getSize()).isEqualTo(huge);
        }
    }

    private static byte[] readAll(Layer layer) {
        try (InputStream in = layer.open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An image whose layers have no local file, so the writer must stream them. */
    private static class StreamOnly implements Image {
        private final Image image;

        StreamOnly(Image image) {
            this.image = image;
        }

        @Override
        public byte[] rawManifest() {
            return image.rawManifest();
        }

        @Override
        public Manifest manifest() {
            return image.manifest();
        }

        @Override
        public byte[] rawConfig() {
            return image.rawConfig();
        }

        @Override
        public ImageConfig config() {
            return image.config();
        }

        @Override
        public List<Layer> layers() {
            return image.layers().stream().<Layer>map(l -> new Wrapped(l, l.descriptor())).toList();
        }
    }

    private record Wrapped(Layer layer, Descriptor descriptor) implements Layer {
        @Override
        public Digest diffId() {
            return layer.diffId();
        }

        @Override
        public InputStream open() {
            return layer.open();
        }
    }
}
