package dev.strata.core.image.dockerarchive;

import static dev.strata.core.image.layout.TestImages.layerTar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.content.FileContentStore;
import dev.strata.core.image.NamedImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.image.layout.TarBuilder;
import dev.strata.core.image.layout.TestImages;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way an archive can be broken is a one-line CORRUPT error, and nothing is published or left staged. */
class DockerArchiveValidationTest {
    @TempDir
    Path sourceRoot;

    @TempDir
    Path targetRoot;

    private FileContentStore target;
    private StoredImage busybox;
    private byte[] layer;
    private String configHex;

    @BeforeEach
    void setUp() {
        busybox = TestImages.image(TestImages.store(sourceRoot), "2024-05-01T10:00:00Z", layerTar("etc/motd", "hello"));
        target = TestImages.store(targetRoot);
        layer = ArchiveFixtures.bytes(busybox.layers().getFirst());
        configHex = busybox.id().encoded();
    }

    @AfterEach
    void nothingPublishedOrLeftStaged() throws IOException {
        assertThat(target.list()).isEmpty();
        assertThat(TestImages.leftovers(targetRoot)).isEmpty();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRefused(byte[] archive) {
        return assertThatThrownBy(() -> {
            try (LoadedArchive loaded = new DockerArchiveReader(target, new Platform("amd64", "linux", null))
                    .read(new ByteArrayInputStream(archive))) {
                loaded.publish();
            }
        }).isInstanceOfSatisfying(StrataException.class, e -> {
            assertThat(e.kind()).isEqualTo(StrataException.Kind.CORRUPT);
            assertThat(e.getMessage()).startsWith("cannot load archive: ").doesNotContain("\n");
        });
    }

    /** An old-format archive whose manifest.json is the given text. */
    private TarBuilder withLayerAndConfig() {
        return new TarBuilder().file("abc/layer.tar", layer).file(configHex + ".json", busybox.rawConfig());
    }

    private String manifestJson(String config, String... layers) {
        return "[{\"Config\":\"" + config + "\",\"RepoTags\":[\"busybox:latest\"],\"Layers\":["
                + String.join(",", Arrays.stream(layers).map(l -> "\"" + l + "\"").toList()) + "]}]";
    }

    @Test
    void refusesAnArchiveWithNeitherManifestJsonNorIndexJson() {
        assertRefused(withLayerAndConfig().file("repositories", "{}").build())
                .hasMessage("cannot load archive: it holds neither manifest.json nor index.json, so it is not an image archive");
    }

    @Test
    void refusesAManifestJsonThatIsNotJson() {
        assertRefused(withLayerAndConfig().file("manifest.json", "[{\"Config\": oops").build())
                .hasMessageStartingWith("cannot load archive: manifest.json is not a valid Docker image manifest (malformed manifest.json:");
    }

    @Test
    void refusesAManifestNamingALayerNotInTheArchive() {
        assertRefused(withLayerAndConfig().file("manifest.json", manifestJson(configHex + ".json", "def/layer.tar")).build())
                .hasMessage("cannot load archive: manifest.json names layer \"def/layer.tar\", which is not in the archive");
    }

    @Test
    void refusesAManifestNamingAConfigNotInTheArchive() {
        assertRefused(withLayerAndConfig().file("manifest.json", manifestJson("0000.json", "abc/layer.tar")).build())
                .hasMessage("cannot load archive: manifest.json names config \"0000.json\", which is not in the archive");
    }

    @Test
    void refusesABlobWhoseContentIsNotTheDigestItsNameSays() {
        String wrongName = "blobs/sha256/" + Digest.sha256("something else".getBytes(StandardCharsets.UTF_8)).encoded();
        assertRefused(new TarBuilder().file("abc/layer.tar", layer).file(wrongName, busybox.rawConfig())
                .file("manifest.json", manifestJson(wrongName, "abc/layer.tar")).build())
                .hasMessage("cannot load archive: entry \"" + wrongName + "\" has digest " + busybox.id()
                        + ", not the one its name says");
    }

    @Test
    void refusesABlobLinkThatLeadsToOtherContent() {
        String config = "blobs/sha256/" + configHex;
        assertRefused(new TarBuilder().file("abc/layer.tar", layer).symlink(config, "../../abc/layer.tar")
                .file("manifest.json", manifestJson(config, "abc/layer.tar")).build())
                .hasMessage("cannot load archive: entry \"" + config + "\" has digest " + busybox.layers().getFirst().diffId()
                        + ", not the one its name says");
    }

    @Test
    void refusesAConfigWhoseDiffIdsDoNotMatchTheLayerCount() {
        assertRefused(withLayerAndConfig().file("manifest.json", manifestJson(configHex + ".json", "abc/layer.tar", "abc/layer.tar")).build())
                .hasMessage("cannot load archive: config \"" + configHex + ".json\" lists 1 diffIDs (rootfs.diff_ids), but the image has 2 layers");
    }

    @Test
    void refusesAPlainLayerWhoseDigestIsNotItsDiffId() {
        byte[] other = layerTar("etc/other", "x");
        assertRefused(new TarBuilder().file("abc/layer.tar", other).file(configHex + ".json", busybox.rawConfig())
                .file("manifest.json", manifestJson(configHex + ".json", "abc/layer.tar")).build())
                .hasMessage("cannot load archive: layer \"abc/layer.tar\" has digest " + Digest.sha256(other)
                        + ", but its config expects diffID " + busybox.layers().getFirst().diffId());
    }

    @Test
    void refusesATruncatedTar() {
        byte[] whole = save();
        byte[] cut = Arrays.copyOf(whole, whole.length / 2 + 100);

        assertRefused(cut).hasMessageStartingWith("cannot load archive: the tar stream is truncated or malformed");
    }

    @Test
    void refusesEntryNamesThatLeaveTheArchive() {
        assertRefused(new TarBuilder().file("../evil", "x").build())
                .hasMessage("cannot load archive: entry name \"../evil\" contains \"..\"");
        assertRefused(new TarBuilder().file("/etc/evil", "x").build())
                .hasMessage("cannot load archive: entry name \"/etc/evil\" is absolute");
        assertRefused(new TarBuilder().symlink("abc/layer.tar", "../../etc/shadow").build())
                .hasMessage("cannot load archive: link \"abc/layer.tar\" points outside the archive (to \"../../etc/shadow\")");
    }

    @Test
    void refusesAnEmptyStream() {
        assertRefused(new byte[0]).hasMessage("cannot load archive: the input is empty or not a tar archive");
    }

    @Test
    void refusesAnInvalidTag() {
        assertRefused(withLayerAndConfig().file("manifest.json", manifestJson(configHex + ".json", "abc/layer.tar")
                .replace("busybox:latest", "Not A Name")).build())
                .hasMessage("cannot load archive: manifest.json has an invalid tag \"Not A Name\"");
    }

    @Test
    void refusesADocumentLargerThanFourMebibytes() {
        byte[] huge = ("[" + " ".repeat(5 << 20) + "]").getBytes(StandardCharsets.UTF_8);
        assertRefused(withLayerAndConfig().file("manifest.json", huge).build())
                .hasMessage("cannot load archive: manifest.json is " + huge.length + " bytes, more than the 4194304 allowed");
    }

    @Test
    void refusesAnOciIndexNamingAManifestNotInTheArchive() {
        Digest missing = Digest.sha256("missing".getBytes(StandardCharsets.UTF_8));
        assertRefused(new TarBuilder().file("oci-layout", "{\"imageLayoutVersion\":\"1.0.0\"}")
                .file("index.json", "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
                        + "\"digest\":\"" + missing + "\",\"size\":7}]}").build())
                .hasMessage("cannot load archive: manifest " + missing + " is not in the archive");
    }

    private byte[] save() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new DockerArchiveWriter().write(List.of(new NamedImage(busybox, List.of(Reference.parse("busybox")))), out);
        return out.toByteArray();
    }
}
