package dev.strata.core.image.dockerarchive;

import static dev.strata.core.image.layout.TestImages.files;
import static dev.strata.core.image.layout.TestImages.layerTar;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.content.FileContentStore;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.image.layout.OciLayout;
import dev.strata.core.image.layout.TarBuilder;
import dev.strata.core.image.layout.TestImages;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerArchiveReaderTest {
    private static final Platform AMD64 = new Platform("amd64", "linux", null);

    @TempDir
    Path sourceRoot;

    @TempDir
    Path targetRoot;

    private FileContentStore source;
    private FileContentStore target;
    private StoredImage busybox;
    private StoredImage app;

    @BeforeEach
    void setUp() {
        source = TestImages.store(sourceRoot);
        target = TestImages.store(targetRoot);
        byte[] base = layerTar(files("bin/busybox", "ELF…", "etc/passwd", "root:x:0:0"));
        busybox = TestImages.image(source, "2024-05-01T10:00:00Z", base, layerTar("etc/motd", "hello"));
        app = TestImages.image(source, "2024-06-01T00:00:00Z", base, layerTar("app/run.sh", "echo hi"));
    }

    private LoadedArchive read(byte[] archive) {
        return new DockerArchiveReader(target, AMD64).read(new ByteArrayInputStream(archive));
    }

    private static NamedImage named(Image image, String... tags) {
        return new NamedImage(image, Arrays.stream(tags).map(Reference::parse).toList());
    }

    private static byte[] save(List<NamedImage> images) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DockerArchiveWriter().write(images, out);
        return out.toByteArray();
    }

    /** Every digest and size checked, names, IDs, manifests and config bytes identical to the originals. */
    private static void assertSameImages(List<NamedImage> loaded, List<NamedImage> expected) {
        assertThat(loaded).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            Image got = loaded.get(i).image();
            Image want = expected.get(i).image();
            TestImages.assertValid(got);
            assertThat(loaded.get(i).tags()).isEqualTo(expected.get(i).tags());
            assertThat(got.id()).isEqualTo(want.id());
            assertThat(got.rawConfig()).isEqualTo(want.rawConfig());
            assertThat(got.rawManifest()).isEqualTo(want.rawManifest());
            assertThat(got.layers().stream().map(Layer::descriptor).toList())
                    .isEqualTo(want.layers().stream().map(Layer::descriptor).toList());
        }
    }

    private Set<Digest> blobsOf(Image... images) {
        Set<Digest> digests = new HashSet<>();
        for (Image image : images) {
            digests.add(image.id());
            image.layers().forEach(l -> digests.add(l.descriptor().digest()));
        }
        return digests;
    }

    @Test
    void roundTripsWhatTheWriterWrites() throws IOException {
        List<NamedImage> images = List.of(named(busybox, "busybox:latest", "registry.local:5000/tools/busybox:1.36"),
                new NamedImage(app, List.of()));

        try (LoadedArchive archive = read(save(images))) {
            assertSameImages(archive.images(), images);
            assertThat(archive.images().getFirst().image().layers().getFirst().file().orElseThrow())
                    .startsWith(targetRoot.resolve("ingest"));

            assertThat(archive.publish()).containsExactlyInAnyOrderElementsOf(blobsOf(busybox, app));
        }

        assertThat(new HashSet<>(target.list())).isEqualTo(blobsOf(busybox, app));
        assertThat(TestImages.leftovers(targetRoot)).isEmpty();
        StoredImage stored = StoredImage.of(target, busybox.rawManifest());
        TestImages.assertValid(stored);
    }

    @Test
    void readsOldDockerArchivesWhoseLinksComeBeforeTheirTargets() throws IOException {
        List<NamedImage> images = List.of(named(busybox, "busybox:latest"), named(app, "example.com/app:1"));
        byte[] archive = ArchiveFixtures.oldDocker(images, Map.of());

        try (LoadedArchive loaded = read(archive)) {
            assertSameImages(loaded.images(), images);
            loaded.publish();
        }

        assertThat(new HashSet<>(target.list())).as("configs and layers only, no <id>/json or VERSION")
                .isEqualTo(blobsOf(busybox, app));
        assertThat(TestImages.leftovers(targetRoot)).isEmpty();
    }

    @Test
    void followsHardLinks() {
        Layer layer = busybox.layers().getFirst();
        String hex = busybox.id().encoded();
        byte[] archive = new TarBuilder()
                .file("a/layer.tar", ArchiveFixtures.bytes(layer))
                .hardlink("b/layer.tar", "a/layer.tar")
                .file(hex + ".json", TestImages.config("2024-01-01T00:00:00Z", List.of(layer.diffId(), layer.diffId())))
                .file("manifest.json", "[{\"Config\":\"" + hex + ".json\",\"RepoTags\":[\"twice:1\"],\"Layers\":[\"a/layer.tar\",\"b/layer.tar\"]}]")
                .build();

        try (LoadedArchive loaded = read(archive)) {
            Image image = loaded.images().getFirst().image();
            TestImages.assertValid(image);
            assertThat(image.layers()).extracting(l -> l.descriptor().digest()).containsExactly(layer.diffId(), layer.diffId());
        }
    }

    @Test
    void readsOciArchivesThroughNestedIndexesForTheHostPlatform() throws IOException {
        byte[] archive = ArchiveFixtures.ociArchive(busybox, Map.of(OciLayout.REF_NAME, "example.com/tools/busybox:1.36"), true);

        try (LoadedArchive loaded = read(archive)) {
            assertSameImages(loaded.images(), List.of(named(busybox, "example.com/tools/busybox:1.36")));
            loaded.publish();
        }

        assertThat(new HashSet<>(target.list())).as("no manifests or indexes").isEqualTo(blobsOf(busybox));
        assertThat(TestImages.leftovers(targetRoot)).isEmpty();
    }

    @Test
    void namesOciEntriesByContainerdNameAndLeavesBareTagsUnnamed() {
        byte[] full = ArchiveFixtures.ociArchive(busybox, Map.of(OciLayout.IMAGE_NAME, "docker.io/library/busybox:musl",
                OciLayout.REF_NAME, "musl"), false);
        byte[] bare = ArchiveFixtures.ociArchive(busybox, Map.of(OciLayout.REF_NAME, "latest"), false);

        try (LoadedArchive loaded = read(full)) {
            assertThat(loaded.images().getFirst().tags()).containsExactly(Reference.parse("busybox:musl"));
        }
        try (LoadedArchive loaded = read(bare)) {
            assertThat(loaded.images().getFirst().tags()).isEmpty();
        }
    }

    @Test
    void reportsACompressedLayerByItsMagicAndKeepsTheConfigsDiffId() throws IOException {
        Layer top = busybox.layers().getLast();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(ArchiveFixtures.bytes(top));
        }
        byte[] archive = ArchiveFixtures.oldDocker(List.of(named(busybox, "busybox:latest")), Map.of(top.diffId(), gz.toByteArray()));

        try (LoadedArchive loaded = read(archive)) {
            Layer layer = loaded.images().getFirst().image().layers().getLast();
            assertThat(layer.descriptor().mediaType()).isEqualTo(MediaTypes.OCI_LAYER_GZIP);
            assertThat(layer.descriptor().digest()).isEqualTo(Digest.sha256(gz.toByteArray()));
            assertThat(layer.diffId()).isEqualTo(top.diffId());
            TestImages.assertValid(loaded.images().getFirst().image());
        }
    }

    @Test
    void readsAWholeArchiveCompressedWithGzip() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(save(List.of(named(busybox, "busybox:latest"))));
        }

        try (LoadedArchive loaded = read(gz.toByteArray())) {
            assertSameImages(loaded.images(), List.of(named(busybox, "busybox:latest")));
        }
    }

    @Test
    void readsAStreamThatTricklesAndCannotSeek() {
        byte[] archive = save(List.of(named(busybox, "busybox:latest"), named(app, "app:1")));
        InputStream trickle = new InputStream() {
            private int position;

            @Override
            public int read() {
                return position < archive.length ? archive[position++] & 0xff : -1;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                if (position >= archive.length) {
                    return -1;
                }
                int n = Math.min(Math.min(length, 7), archive.length - position);
                System.arraycopy(archive, position, bytes, offset, n);
                position += n;
                return n;
            }
        };

        try (LoadedArchive loaded = new DockerArchiveReader(target, AMD64).read(trickle)) {
            assertSameImages(loaded.images(), List.of(named(busybox, "busybox:latest"), named(app, "app:1")));
        }
    }

    @Test
    void closingWithoutPublishingLeavesNothing() throws IOException {
        try (LoadedArchive loaded = read(save(List.of(named(busybox, "busybox:latest"))))) {
            assertThat(TestImages.leftovers(targetRoot)).isNotEmpty();
            assertThat(loaded.images()).hasSize(1);
        }

        assertThat(target.list()).isEmpty();
        assertThat(TestImages.leftovers(targetRoot)).isEmpty();
        assertThat(Files.exists(sourceRoot)).isTrue();
    }
}
