package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.core.oci.Digest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seeds' local image workflow, end to end through the CLI: import, list, inspect, history, tag, rmi, save, load. */
class ImageWorkflowTest {
    @TempDir
    Path dir;

    StrataRunner strata;
    Path rootfs;

    @BeforeEach
    void setUp() throws Exception {
        strata = new StrataRunner(dir.resolve("root"));
        rootfs = TestImages.busyboxTar(dir);
    }

    private String importBusybox() {
        return strata.ok("import", "-c", "CMD [\"sh\"]", "-c", "ENV PATH=/bin", "-m", "busybox base",
                rootfs.toString(), "busybox:latest").out().strip();
    }

    @Test
    void importedImageIdIsTheDigestOfItsConfigAndItsLayerIsTheTar() throws Exception {
        String id = importBusybox();
        assertThat(id).matches("sha256:[a-f0-9]{64}");
        Path configBlob = strata.root().resolve("blobs/sha256/" + id.substring(7));
        assertThat(Digest.sha256(Files.readAllBytes(configBlob)).toString()).isEqualTo(id);

        JsonNode inspect = new ObjectMapper().readTree(strata.ok("image", "inspect", "busybox").out()).get(0);
        assertThat(inspect.get("Id").asText()).isEqualTo(id);
        assertThat(inspect.get("RepoTags").get(0).asText()).isEqualTo("busybox:latest");
        assertThat(inspect.get("Comment").asText()).isEqualTo("busybox base");
        assertThat(inspect.get("Config").get("Cmd").get(0).asText()).isEqualTo("sh");
        assertThat(inspect.get("Config").get("Env").get(0).asText()).isEqualTo("PATH=/bin");
        assertThat(inspect.get("Os").asText()).isEqualTo("linux");
        String diffId = Digest.sha256(Files.readAllBytes(rootfs)).toString();
        assertThat(inspect.get("RootFS").get("Layers").get(0).asText()).isEqualTo(diffId);
        // Docker's size: lstat sizes of everything but directories, so each applet link counts its target's length.
        assertThat(inspect.get("Size").asLong()).isEqualTo(Files.size(TestImages.BUSYBOX)
                + TestImages.PASSWD.length() + TestImages.GROUP.length() + TestImages.APPLETS.size() * "busybox".length());
        Path upper = Path.of(inspect.get("GraphDriver").get("Data").get("UpperDir").asText());
        assertThat(upper.resolve("bin/busybox")).exists();
        assertThat(Files.isSymbolicLink(upper.resolve("bin/sh"))).isTrue();
    }

    @Test
    void imagesListsLikeDocker() {
        String id = importBusybox();
        var result = strata.ok("images");
        assertThat(result.lines().get(0)).startsWith("REPOSITORY   TAG       IMAGE ID       CREATED ").endsWith("SIZE");
        assertThat(result.lines().get(1)).startsWith("busybox      latest    " + id.substring(7, 19) + "   ");
        assertThat(result.lines().get(1)).contains("second").endsWith("MB");
        assertThat(strata.ok("images", "-q").out()).isEqualTo(id.substring(7, 19) + "\n");
        assertThat(strata.ok("images", "--no-trunc", "--format", "{{.ID}}").out()).isEqualTo(id + "\n");
        assertThat(strata.ok("images", "--format", "{{.Repository}}:{{.Tag}}").out()).isEqualTo("busybox:latest\n");
        assertThat(strata.ok("images", "--digests").lines().get(0)).contains("DIGEST");
        // CreatedAt as Docker prints it: Go's time.String() in whole seconds.
        assertThat(strata.ok("images", "--format", "{{.CreatedAt}}").out().strip())
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4} \\S+");
        assertThat(strata.ok("images", "--format", "json").out())
                .startsWith("{\"Containers\":\"N/A\",\"CreatedAt\":\"").contains("\"Repository\":\"busybox\"");
    }

    @Test
    void tagAddsANameAndRmiUntagsBeforeDeleting() {
        String id = importBusybox();
        strata.ok("tag", "busybox", "myname/busybox:1.0");
        assertThat(strata.ok("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}").lines())
                .containsExactlyInAnyOrder("busybox:latest " + id.substring(7, 19), "myname/busybox:1.0 " + id.substring(7, 19));

        assertThat(strata.ok("rmi", "myname/busybox:1.0").out()).isEqualTo("Untagged: myname/busybox:1.0\n");
        var removed = strata.ok("rmi", "busybox");
        assertThat(removed.lines().get(0)).isEqualTo("Untagged: busybox:latest");
        assertThat(removed.lines().get(1)).isEqualTo("Deleted: " + id);
        assertThat(removed.lines()).hasSize(3);
        assertThat(strata.ok("images", "-q").out()).isEmpty();
        assertThat(strata.root().resolve("blobs/sha256/" + id.substring(7))).doesNotExist();
    }

    @Test
    void rmiByIdOfImageInTwoRepositoriesNeedsForce() {
        String id = importBusybox();
        strata.ok("tag", "busybox", "other:1");
        var refused = strata.run("rmi", id.substring(7, 19));
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("must be forced").contains("referenced in multiple repositories");
        var forced = strata.ok("rmi", "-f", id.substring(7, 19));
        assertThat(forced.lines()).contains("Untagged: busybox:latest", "Untagged: other:1", "Deleted: " + id);
    }

    @Test
    void historyShowsTheImportStep() {
        String id = importBusybox();
        var history = strata.ok("history", "busybox");
        assertThat(history.lines().get(0)).startsWith("IMAGE          CREATED").contains("CREATED BY").contains("SIZE").endsWith("COMMENT");
        assertThat(history.lines().get(1)).startsWith(id.substring(7, 19)).endsWith("busybox base");
        assertThat(strata.ok("history", "-q", "busybox").out()).isEqualTo(id.substring(7, 19) + "\n");
        String size = strata.ok("inspect", "-f", "{{.Size}}", "busybox").out().strip();
        assertThat(size).matches("[0-9]+");
        assertThat(strata.ok("history", "-H=false", "--format", "{{.Size}}", "busybox").out().strip()).isEqualTo(size);
    }

    @Test
    void saveThenLoadGivesTheSameImage() throws Exception {
        String id = importBusybox();
        Path archive = dir.resolve("busybox.tar");
        strata.ok("save", "-o", archive.toString(), "busybox:latest");
        strata.ok("rmi", "busybox");
        var loaded = strata.ok("load", "-i", archive.toString());
        assertThat(loaded.out()).isEqualTo("Loaded image: busybox:latest\n");
        assertThat(strata.ok("images", "--no-trunc", "-q").out().strip()).isEqualTo(id);

        byte[] again = strata.ok("save", "busybox").rawOut();
        assertThat(again).isEqualTo(Files.readAllBytes(archive));
        var quiet = strata.runWithInput(again, "load", "-q");
        assertThat(quiet.exitCode()).isZero();
    }

    @Test
    void untaggedImagesLoadByIdAndListAsNone() throws Exception {
        String id = importBusybox();
        Path archive = dir.resolve("by-id.tar");
        strata.ok("save", "-o", archive.toString(), id.substring(7, 19));
        strata.ok("rmi", "busybox");
        assertThat(strata.ok("load", "-i", archive.toString()).out()).isEqualTo("Loaded image ID: " + id + "\n");
        assertThat(strata.ok("images", "--format", "{{.Repository}} {{.Tag}}").out()).isEqualTo("<none> <none>\n");
        assertThat(strata.ok("images", "--filter", "dangling=true", "-q").out().strip()).isEqualTo(id.substring(7, 19));
        var pruned = strata.ok("image", "prune", "-f");
        assertThat(pruned.out()).contains("deleted: " + id).contains("Total reclaimed space:");
        assertThat(strata.ok("images", "-q").out()).isEmpty();
    }

    @Test
    void filtersSelectImages() throws Exception {
        importBusybox();
        Path other = TestImages.filesTar(dir, "other.tar", java.util.Map.of("hello.txt", "hi"));
        strata.ok("import", "-c", "LABEL team=web", other.toString(), "web/app:v1");
        assertThat(strata.ok("images", "--filter", "reference=web/*", "--format", "{{.Repository}}").out()).isEqualTo("web/app\n");
        assertThat(strata.ok("images", "--filter", "label=team=web", "--format", "{{.Repository}}").out()).isEqualTo("web/app\n");
        assertThat(strata.ok("images", "--filter", "before=web/app:v1", "--format", "{{.Repository}}").out()).isEqualTo("busybox\n");
        assertThat(strata.ok("images", "--filter", "since=busybox", "--format", "{{.Repository}}").out()).isEqualTo("web/app\n");
        assertThat(strata.ok("images", "busybox", "--format", "{{.Repository}}").out()).isEqualTo("busybox\n");
        var bad = strata.run("images", "--filter", "colour=red");
        assertThat(bad.exitCode()).isEqualTo(1);
        assertThat(bad.err()).contains("invalid filter 'colour'");
    }

    @Test
    void systemDfCountsImagesAndSharedSize() {
        importBusybox();
        strata.ok("tag", "busybox", "again:1");
        var df = strata.ok("system", "df");
        assertThat(df.lines().get(0)).startsWith("TYPE").contains("TOTAL").contains("ACTIVE").contains("RECLAIMABLE");
        assertThat(df.lines().get(1)).startsWith("Images").contains(" 1 ");
        assertThat(strata.ok("system", "df", "-v").out()).contains("SHARED SIZE").contains("UNIQUE SIZE");
    }
}
