package dev.strata.cli.e2e;

import static dev.strata.cli.e2e.ContainerTests.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copying fallback ({@code vfs}): a store on a FUSE file system (bindfs), where overlayfs refuses an upper dir,
 * chooses it by itself, and the seeds' walkthroughs work on it as they do on overlay; {@code --storage-driver vfs}
 * chooses it anywhere. Real runc, conmon and bindfs.
 */
@Tag("root")
class StorageDriverTest {
    @TempDir
    Path dir;

    private StrataRunner strata;
    private Path fuse;
    private final java.util.List<Path> overlays = new java.util.ArrayList<>();

    @AfterEach
    void removeEverything() throws Exception {
        if (fuse == null && overlays.isEmpty()) {
            ContainerTests.removeAllAndCheckNothingIsLeft(strata, dir);
            return;
        }
        for (String id : strata.ok("ps", "-a", "-q", "--no-trunc").lines()) {
            strata.ok("rm", "-f", id);
        }
        try (var left = Files.list(strata.root().resolve("containers"))) {
            assertThat(left).as("containers' directories").isEmpty();
        }
        for (Path mount : fuse != null ? java.util.List.of(fuse) : overlays.reversed()) {
            // the monitors of removed containers end on their own, a moment after the removal
            ContainerTests.eventually("umount " + mount, () -> unmount(mount));
        }
        assertThat(Files.readAllLines(Path.of("/proc/self/mountinfo")))
                .noneMatch(line -> line.contains(dir.toString()));
    }

    @Test
    void aStoreWhereOverlayCannotMountRunsAndCommitsContainersOnCopies() throws Exception {
        fuse = Files.createDirectory(dir.resolve("fuse"));
        Path under = Files.createDirectory(dir.resolve("under"));
        Process bindfs = new ProcessBuilder("bindfs", under.toString(), fuse.toString()).inheritIO().start();
        assertThat(bindfs.waitFor(30, TimeUnit.SECONDS) && bindfs.exitValue() == 0).as("bindfs mounted").isTrue();
        strata = store(fuse.resolve("root"));

        strata.ok("run", "--name", "deleter", "busybox", "sh", "-c", "rm /bin/cat && echo made > /made");

        assertThat(fuse.resolve("root/runtime/storage-driver")).hasContent("vfs");
        assertThat(inspect(strata, "deleter").get("Driver").asText()).isEqualTo("vfs");
        assertThat(strata.ok("diff", "deleter").lines()).containsExactly("C /bin", "D /bin/cat", "A /made");
        strata.ok("commit", "deleter", "busybox:nocat");
        assertThat(strata.run("run", "--rm", "busybox:nocat", "ls", "/bin/cat").exitCode()).isEqualTo(1);
        assertThat(strata.ok("run", "--rm", "busybox:nocat", "head", "/made").out()).isEqualTo("made\n");
        assertThat(strata.ok("run", "--rm", "busybox", "ls", "/bin/cat").out()).isEqualTo("/bin/cat\n");
    }

    /**
     * A store on an overlay mount that is itself on one, as in Docker in Docker: overlayfs mounts nothing there (the
     * stack would be too deep), so containers run on copies and a build's view of an image is a linked copy; a layer
     * that deletes files cannot be kept (overlayfs refuses whiteout devices), and commit says so.
     */
    @Test
    void aStoreOnStackedOverlaysBuildsRunsAndSaysWhyItCannotKeepDeletions() throws Exception {
        Path lower = overlay("one", Files.createDirectory(dir.resolve("bottom")));
        Path store = overlay("two", lower);
        strata = store(store.resolve("root"));
        Path context = Files.createDirectory(dir.resolve("context"));
        Files.writeString(context.resolve("f"), "from the context\n");
        Files.writeString(context.resolve("Dockerfile"), """
                FROM busybox
                COPY f /f
                RUN cp /f /g
                FROM busybox
                COPY --from=0 /g /h
                RUN head /h > /i
                """);

        strata.ok("build", "-t", "built", context.toString());

        assertThat(strata.root().resolve("runtime/storage-driver")).hasContent("vfs");
        assertThat(strata.ok("run", "--rm", "built", "head", "/i").out()).isEqualTo("from the context\n");
        strata.ok("run", "--name", "deleter", "built", "rm", "/h");
        StrataRunner.Result commit = strata.run("commit", "deleter", "nodeletions");
        assertThat(commit.exitCode()).isEqualTo(1);
        assertThat(commit.err()).startsWith("Error: cannot commit: ").contains("refuses a 0/0 character device")
                .contains("keep the store (--root) on a file system such as ext4").endsWith("\n")
                .hasLineCount(1);
        assertThat(strata.ok("images", "-q", "nodeletions").out()).isEmpty();

        StrataRunner elsewhere = store(dir.resolve("plain"));
        elsewhere.ok("run", "--name", "remover", "busybox", "rm", "/bin/ls");
        elsewhere.ok("commit", "remover", "nols");
        elsewhere.ok("rm", "remover");
        Path archive = dir.resolve("nols.tar");
        elsewhere.ok("save", "-o", archive.toString(), "nols");
        StrataRunner.Result load = strata.run("load", "-i", archive.toString());
        assertThat(load.exitCode()).isEqualTo(1);
        assertThat(load.err()).contains("refuses a 0/0 character device").hasLineCount(1);
        assertThat(strata.ok("images", "-q", "nols").out()).isEmpty();
    }

    @Test
    void theSeedsWalkthroughsWorkOnCopies() throws Exception {
        strata = store(dir.resolve("root"));
        StrataRunner vfs = strata.withArgs("--storage-driver", "vfs");

        vfs.ok("run", "--name", "build", "busybox", "sh", "-c",
                "mkdir -p /usr/local/tomcat/webapps /usr/local/tomcat/webapps.dist/ROOT"
                        + " && echo '<h1>hello</h1>' > /usr/local/tomcat/webapps.dist/ROOT/index.html");
        assertThat(inspect(strata, "build").at("/GraphDriver/Name").asText()).isEqualTo("vfs");
        assertThat(Files.isDirectory(strata.root().resolve("containers").resolve(id("build")).resolve("upper")))
                .as("no overlay upper dir").isFalse();
        vfs.ok("commit", "build", "tomcat:9");
        vfs.ok("run", "-d", "--name", "tomcat01", "-w", "/usr/local/tomcat", "tomcat:9", "sleep", "100");
        vfs.ok("exec", "tomcat01", "sh", "-c", "cp -r webapps.dist/* webapps");
        assertThat(strata.ok("diff", "tomcat01").lines()).containsExactly("C /usr", "C /usr/local",
                "C /usr/local/tomcat", "C /usr/local/tomcat/webapps", "A /usr/local/tomcat/webapps/ROOT",
                "A /usr/local/tomcat/webapps/ROOT/index.html");
        strata.ok("commit", "-a", "kuangshen", "-m", "add webapps app", "tomcat01", "tomcat02:1.0");
        assertThat(strata.ok("history", "tomcat02:1.0").lines().get(1)).contains("add webapps app");
        assertThat(strata.ok("run", "--rm", "tomcat02:1.0", "cat", "/usr/local/tomcat/webapps/ROOT/index.html").out())
                .isEqualTo("<h1>hello</h1>\n");
        assertThat(vfs.ok("run", "--rm", "tomcat:9", "ls", "/usr/local/tomcat/webapps").out()).isEmpty();
        assertThat(strata.root().resolve("runtime/storage-driver")).as("the store's own choice, made by the run without"
                + " the option, here where overlayfs mounts").hasContent("overlay");

        // A stopped container keeps its changes: cp reads them, a restart sees them.
        strata.ok("stop", "-t", "1", "tomcat01");
        Path out = dir.resolve("index.html");
        strata.ok("cp", "tomcat01:/usr/local/tomcat/webapps/ROOT/index.html", out.toString());
        assertThat(out).hasContent("<h1>hello</h1>");
        strata.ok("start", "tomcat01");
        assertThat(strata.ok("exec", "tomcat01", "ls", "/usr/local/tomcat/webapps").out()).isEqualTo("ROOT\n");

        // Volumes are not part of the copy, nor of the commit.
        Path host = Files.createDirectory(dir.resolve("host"));
        vfs.ok("run", "--name", "writer", "-v", host + ":/data", "-v", "vol1:/named", "busybox", "sh", "-c",
                "echo bound > /data/file && echo named > /named/file && echo layer > /layer");
        assertThat(strata.ok("diff", "writer").lines()).containsExactly("A /data", "A /layer", "A /named");
        strata.ok("rm", "writer");
        assertThat(host.resolve("file")).hasContent("bound");
        assertThat(vfs.ok("run", "--rm", "-v", "vol1:/again", "busybox", "cat", "/again/file").out())
                .isEqualTo("named\n");
    }

    @Test
    void aBuildRunsItsStepsOnCopies() throws Exception {
        strata = store(dir.resolve("root"));
        Path context = Files.createDirectory(dir.resolve("context"));
        Files.writeString(context.resolve("Dockerfile"), """
                FROM busybox
                RUN rm /bin/ls && echo one > /one
                COPY Dockerfile /copied
                RUN head -c 4 /one > /two && rm /one
                """);

        strata.withArgs("--storage-driver", "vfs").ok("build", "-t", "built", context.toString());

        assertThat(strata.ok("run", "--rm", "built", "sh", "-c",
                "head /two; test -e /one || echo no one; test -e /bin/ls || echo no ls; head -1 /copied").out())
                .isEqualTo("one\nno one\nno ls\nFROM busybox\n");
        assertThat(strata.ok("history", "-q", "built").lines()).as("the import and three steps").hasSize(4);
    }

    @Test
    void anUnknownDriverIsRefused() throws Exception {
        strata = store(dir.resolve("root"));

        StrataRunner.Result r = strata.withArgs("--storage-driver", "zfs").run("run", "--rm", "busybox", "true");

        assertThat(r.exitCode()).isEqualTo(125);
        assertThat(r.err()).isEqualTo("Error: unknown storage driver \"zfs\": use overlay or vfs\n");
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
    }

    private static boolean unmount(Path mount) {
        try {
            return new ProcessBuilder("umount", mount.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Mounts an overlay named {@code name} with {@code lower} under an upper dir of the test's; returns it. */
    private Path overlay(String name, Path lower) throws Exception {
        Path base = Files.createDirectory(dir.resolve(name));
        Path merged = Files.createDirectory(base.resolve("merged"));
        String options = "lowerdir=" + lower + ",upperdir=" + Files.createDirectory(base.resolve("upper"))
                + ",workdir=" + Files.createDirectory(base.resolve("work"));
        Process mount = new ProcessBuilder("mount", "-t", "overlay", "overlay", "-o", options, merged.toString())
                .inheritIO().start();
        assertThat(mount.waitFor()).as("overlay mounted").isZero();
        overlays.add(merged);
        return merged;
    }

    private StrataRunner store(Path root) throws IOException {
        StrataRunner runner = new StrataRunner(root);
        runner.ok("import", "-c", "CMD [\"sh\"]", TestImages.busyboxTar(dir).toString(), "busybox:latest");
        return runner;
    }

    private String id(String name) {
        return strata.ok("inspect", "-f", "{{.Id}}", name).out().strip();
    }
}
