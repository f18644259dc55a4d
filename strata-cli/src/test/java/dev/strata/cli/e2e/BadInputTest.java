package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets a one-line error, a non-zero exit, and leaves the store exactly as it was. */
class BadInputTest {
    @TempDir
    Path dir;

    StrataRunner strata;
    List<String> before;

    @BeforeEach
    void setUp() throws Exception {
        strata = new StrataRunner(dir.resolve("root"));
        strata.ok("import", TestImages.filesTar(dir, "base.tar", Map.of("f", "x")).toString(), "present:1");
        before = StoreState.visible(strata.root());
    }

    private void assertFailsCleanly(StrataRunner.Result result, String expected) throws Exception {
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.err().strip()).startsWith("Error: ").contains(expected);
        assertThat(result.err().strip().lines().count()).isEqualTo(1);
        assertThat(StoreState.visible(strata.root())).isEqualTo(before);
        assertThat(StoreState.leftovers(strata.root())).isEmpty();
    }

    private byte[] archive(ArchiveBuilder builder, Map<String, byte[]> damage) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        builder.write(out, damage);
        return out.toByteArray();
    }

    private ArchiveBuilder twoLayers() throws Exception {
        return new ArchiveBuilder().layer(ArchiveBuilder.layer(Map.of("a", "1")))
                .layer(ArchiveBuilder.layer(Map.of("b", "2"))).tag("victim:1");
    }

    @Test
    void randomBytesAreNotAnArchive() throws Exception {
        byte[] junk = new byte[4096];
        new java.util.Random(7).nextBytes(junk);
        assertFailsCleanly(strata.runWithInput(junk, "load"), "cannot load");
    }

    @Test
    void emptyInput() throws Exception {
        assertFailsCleanly(strata.runWithInput(new byte[0], "load"), "cannot load");
    }

    @Test
    void truncatedArchive() throws Exception {
        byte[] whole = archive(twoLayers(), Map.of());
        assertFailsCleanly(strata.runWithInput(Arrays.copyOf(whole, whole.length / 2), "load"), "cannot load");
    }

    @Test
    void layerThatLiesAboutItsDiffId() throws Exception {
        byte[] other = ArchiveBuilder.layer(Map.of("b", "tampered"));
        assertFailsCleanly(strata.runWithInput(archive(twoLayers(), Map.of("1/layer.tar", other)), "load"),
                "diffID");
    }

    @Test
    void manifestNamingAMissingLayer() throws Exception {
        java.util.HashMap<String, byte[]> damage = new java.util.HashMap<>();
        damage.put("1/layer.tar", null);
        assertFailsCleanly(strata.runWithInput(archive(twoLayers(), damage), "load"), "1/layer.tar");
    }

    @Test
    void manifestThatIsNotJson() throws Exception {
        assertFailsCleanly(strata.runWithInput(archive(twoLayers(),
                Map.of("manifest.json", "{nope".getBytes(StandardCharsets.UTF_8))), "load"), "manifest.json");
    }

    @Test
    void ociBlobWhoseBytesDoNotMatchItsName() throws Exception {
        Path good = dir.resolve("good.tar");
        strata.ok("save", "-o", good.toString(), "present:1");
        String id = strata.ok("images", "--no-trunc", "-q").out().strip();
        strata.ok("rmi", "present:1");
        before = StoreState.visible(strata.root());
        // Rewrite the archive with the config blob's content changed but its name kept.
        byte[] tampered = TarRewriter.replace(Files.readAllBytes(good), "blobs/sha256/" + id.substring(7),
                "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}".getBytes(StandardCharsets.UTF_8));
        assertFailsCleanly(strata.runWithInput(tampered, "load"), "digest");
    }

    @Test
    void unknownImages() throws Exception {
        assertFailsCleanly(strata.run("image", "inspect", "nosuch"), "No such image: nosuch:latest");
        assertFailsCleanly(strata.run("history", "nosuch:2"), "No such image: nosuch:2");
        assertFailsCleanly(strata.run("rmi", "nosuch"), "No such image: nosuch:latest");
        assertFailsCleanly(strata.run("tag", "nosuch", "x:1"), "No such image: nosuch:latest");
        assertFailsCleanly(strata.run("save", "-o", dir.resolve("x.tar").toString(), "nosuch"), "No such image");
        assertThat(dir.resolve("x.tar")).doesNotExist();
    }

    @Test
    void malformedReferences() throws Exception {
        assertFailsCleanly(strata.run("tag", "present:1", "UPPER:1"), "invalid reference format");
        assertFailsCleanly(strata.run("tag", "present:1", "a b"), "invalid reference format");
        assertFailsCleanly(strata.run("import", dir.resolve("base.tar").toString(), "bad::tag"), "invalid reference format");
    }

    @Test
    void importOfGarbageOrUnsafeTarballs() throws Exception {
        assertFailsCleanly(strata.runWithInput("not a tarball at all".repeat(100).getBytes(StandardCharsets.UTF_8),
                "import", "-", "junk:1"), "cannot");
        assertFailsCleanly(strata.run("import", dir.resolve("missing.tar").toString()), "no such file");
        ByteArrayOutputStream evil = new ByteArrayOutputStream();
        try (var out = new org.apache.commons.compress.archivers.tar.TarArchiveOutputStream(evil)) {
            TestImages.file(out, "../escape", "boom");
        }
        assertFailsCleanly(strata.runWithInput(evil.toByteArray(), "import", "-", "evil:1"), "outside");
        assertThat(dir.resolve("escape")).doesNotExist();
        assertThat(strata.root().resolve("snapshots/escape")).doesNotExist();
    }

    @Test
    void badDigestSyntax() throws Exception {
        assertFailsCleanly(strata.run("image", "inspect", "present@sha256:1234"), "invalid");
        assertThat(Digest.isDigest("sha256:1234")).isFalse();
    }
}
