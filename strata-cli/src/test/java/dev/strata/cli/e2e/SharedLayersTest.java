package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two images on one base layer: the base is stored and unpacked once, and survives removing one image. */
class SharedLayersTest {
    @TempDir
    Path dir;

    @Test
    void baseLayerIsStoredAndUnpackedOnce() throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("root"));
        byte[] base = ArchiveBuilder.layer(Map.of("etc/os-release", "base\n"));
        ArchiveBuilder a = new ArchiveBuilder().layer(base).layer(ArchiveBuilder.layer(Map.of("app/a", "A"))).tag("app-a:1");
        ArchiveBuilder b = new ArchiveBuilder().layer(base).layer(ArchiveBuilder.layer(Map.of("app/b", "B"))).tag("app-b:1");
        a.write(dir.resolve("a.tar"));
        b.write(dir.resolve("b.tar"));

        strata.ok("load", "-i", dir.resolve("a.tar").toString());
        strata.ok("load", "-i", dir.resolve("b.tar").toString());

        assertThat(snapshotCount(strata)).isEqualTo(3);
        String baseDiffId = dev.strata.core.oci.Digest.sha256(base).encoded();
        assertThat(strata.root().resolve("blobs/sha256/" + baseDiffId)).exists();
        assertThat(strata.root().resolve("snapshots/" + baseDiffId + "/fs/etc/os-release")).hasContent("base");

        assertThat(strata.ok("system", "df", "-v").out()).contains("app-a");

        var removed = strata.ok("rmi", "app-a:1");
        assertThat(removed.lines()).contains("Untagged: app-a:1", "Deleted: " + a.id());
        assertThat(removed.lines()).noneMatch(l -> l.equals("Deleted: sha256:" + baseDiffId));
        assertThat(snapshotCount(strata)).isEqualTo(2);
        assertThat(strata.root().resolve("snapshots/" + baseDiffId + "/fs/etc/os-release")).exists();
        assertThat(strata.root().resolve("blobs/sha256/" + baseDiffId)).exists();

        var history = strata.ok("history", "app-b:1");
        assertThat(history.lines()).hasSize(3);
        assertThat(history.lines().get(2)).startsWith("<missing>");
    }

    @Test
    void gzipLayersAreStoredPlainAndUnpacked() throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("gz-root"));
        byte[] plain = ArchiveBuilder.layer(Map.of("etc/zipped", "inside"));
        ArchiveBuilder gz = new ArchiveBuilder().gzipLayer(plain).tag("zipped:1");
        gz.write(dir.resolve("gz.tar"));
        assertThat(strata.ok("load", "-i", dir.resolve("gz.tar").toString()).out()).isEqualTo("Loaded image: zipped:1\n");
        String diffId = dev.strata.core.oci.Digest.sha256(plain).encoded();
        assertThat(strata.root().resolve("blobs/sha256/" + diffId)).hasBinaryContent(plain);
        assertThat(strata.root().resolve("snapshots/" + diffId + "/fs/etc/zipped")).hasContent("inside");
        assertThat(strata.ok("images", "--no-trunc", "-q").out().strip()).isEqualTo(gz.id());
        assertThat(StoreState.leftovers(strata.root())).isEmpty();
    }

    private static long snapshotCount(StrataRunner strata) throws Exception {
        try (Stream<Path> s = Files.list(strata.root().resolve("snapshots"))) {
            return s.count();
        }
    }
}
