package dev.strata.cli.e2e;

import static dev.strata.cli.e2e.ContainerTests.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What a container holds and what it becomes, as Docker shows it: inspect, diff, cp, export, top, rename, prune,
 * commit, and the images and volumes containers keep in use.
 */
@Tag("root")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails
class ContainerFilesTest extends ContainerTestCase {

    @Test
    void inspectShowsStateConfigMountsPortsAndLayers() throws Exception {
        int port = ContainerTests.freePort();
        String id = strata.ok("run", "-d", "--name", "insp", "-p", "127.0.0.1:" + port + ":80", "-v", "vol:/v",
                "busybox", "sleep", "100").out().strip();

        JsonNode c = inspect(strata, "insp");
        assertThat(c.get("Id").asText()).isEqualTo(id);
        assertThat(c.get("Name").asText()).isEqualTo("/insp");
        JsonNode state = c.get("State");
        assertThat(state.get("Status").asText()).isEqualTo("running");
        assertThat(state.get("Running").asBoolean()).isTrue();
        assertThat(state.get("ExitCode").asInt()).isZero();
        long pid = state.get("Pid").asLong();
        assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline"))).isEqualTo("sleep\u0000100\u0000");
        assertThat(c.get("Path").asText()).isEqualTo("sleep");
        assertThat(c.get("Args").toString()).isEqualTo("[\"100\"]");
        assertThat(c.get("Config").get("Cmd").toString()).isEqualTo("[\"sleep\",\"100\"]");
        assertThat(c.get("Config").get("Image").asText()).isEqualTo("busybox");
        JsonNode mount = c.get("Mounts").get(0);
        assertThat(mount.get("Type").asText()).isEqualTo("volume");
        assertThat(mount.get("Name").asText()).isEqualTo("vol");
        assertThat(mount.get("Destination").asText()).isEqualTo("/v");
        assertThat(mount.get("Source").asText()).isEqualTo(strata.root().resolve("volumes/vol/_data").toString());
        String binding = "[{\"HostIp\":\"127.0.0.1\",\"HostPort\":\"" + port + "\"}]";
        assertThat(c.get("NetworkSettings").get("Ports").get("80/tcp").toString()).isEqualTo(binding);
        assertThat(c.get("HostConfig").get("PortBindings").get("80/tcp").toString()).isEqualTo(binding);
        JsonNode data = c.get("GraphDriver").get("Data");
        Path upper = Path.of(data.get("UpperDir").asText());
        Path merged = Path.of(data.get("MergedDir").asText());
        assertThat(merged.resolve("bin/busybox")).isRegularFile();
        assertThat(data.get("LowerDir").asText().split(":")).allMatch(lower -> Files.isDirectory(Path.of(lower)));
        strata.ok("exec", "insp", "touch", "/made-inside");
        assertThat(upper.resolve("made-inside")).isRegularFile();
        assertThat(strata.ok("inspect", "-f", "{{.State.Status}} {{.HostConfig.NetworkMode}}", "insp").out())
                .isEqualTo("running slirp4netns\n");

        strata.ok("stop", "-t", "0", "insp");
        JsonNode stopped = inspect(strata, "insp").get("State");
        assertThat(stopped.get("Status").asText()).isEqualTo("exited");
        assertThat(stopped.get("Running").asBoolean()).isFalse();
        assertThat(stopped.get("Pid").asInt()).isZero();
        assertThat(stopped.get("ExitCode").asInt()).isEqualTo(137);
        assertThat(inspect(strata, "insp").get("NetworkSettings").get("Ports").isEmpty()).isTrue();
    }

    @Test
    void diffShowsAddedChangedAndDeletedPaths() {
        strata.ok("run", "--name", "changer", "busybox", "sh", "-c",
                "mkdir -p /new/dir && echo x > /new/dir/file && echo more >> /etc/passwd && rm /bin/wc");

        assertThat(strata.ok("diff", "changer").lines())
                .containsExactly("C /bin", "D /bin/wc", "C /etc", "C /etc/passwd", "A /new", "A /new/dir", "A /new/dir/file");
        assertThat(strata.ok("container", "diff", "changer").lines()).hasSize(7);
    }

    @Test
    void cpCopiesFilesAndDirectoriesBothWays() throws Exception {
        strata.ok("run", "-d", "--name", "box", "busybox", "sleep", "100");
        Path host = Files.createDirectory(dir.resolve("host"));
        Files.writeString(host.resolve("note"), "from host\n");
        Path tree = Files.createDirectories(host.resolve("tree/sub"));
        Files.writeString(tree.resolve("leaf"), "leaf\n");

        strata.ok("cp", host.resolve("note").toString(), "box:/etc/note");
        strata.ok("cp", host.resolve("tree").toString(), "box:/");
        strata.ok("cp", host.resolve("tree").toString() + "/.", "box:/etc");
        assertThat(strata.ok("exec", "box", "cat", "/etc/note", "/tree/sub/leaf", "/etc/sub/leaf").out())
                .isEqualTo("from host\nleaf\nleaf\n");

        Path out = Files.createDirectory(dir.resolve("out"));
        strata.ok("cp", "box:/etc/passwd", out.resolve("passwd").toString());
        assertThat(out.resolve("passwd")).hasContent(TestImages.PASSWD.strip());
        strata.ok("cp", "box:/tree", out.toString());
        assertThat(out.resolve("tree/sub/leaf")).hasContent("leaf");
        strata.ok("cp", "box:/tree", out.resolve("renamed").toString());
        assertThat(out.resolve("renamed/sub/leaf")).hasContent("leaf");
        strata.ok("cp", "box:/tree/.", out.toString());
        assertThat(out.resolve("sub/leaf")).hasContent("leaf");
        strata.ok("cp", "box:/tree/.", out.resolve("made").toString());
        assertThat(out.resolve("made/sub/leaf")).hasContent("leaf");

        StrataRunner.Result tar = strata.ok("cp", "box:/tree", "-");
        assertThat(tarEntries(tar.rawOut())).containsExactly("tree/", "tree/sub/", "tree/sub/leaf");
        strata.runWithInput(tarOf("piped.txt", "through stdin\n"), "cp", "-", "box:/etc");
        assertThat(strata.ok("exec", "box", "cat", "/etc/piped.txt").out()).isEqualTo("through stdin\n");

        // a stopped container is copied from and to as well
        strata.ok("stop", "-t", "0", "box");
        strata.ok("cp", host.resolve("note").toString(), "box:/stopped-note");
        strata.ok("cp", "box:/stopped-note", out.resolve("back").toString());
        assertThat(out.resolve("back")).hasContent("from host");
        StrataRunner.Result missing = strata.run("cp", "box:/nowhere", out.toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("/nowhere");
    }

    @Test
    void cpReachesIntoVolumesAndBindMountsAsTheContainerSeesThem() throws Exception {
        Path bound = Files.createDirectory(dir.resolve("bound"));
        Path note = Files.writeString(dir.resolve("note"), "note\n");
        strata.ok("run", "-d", "--name", "vols", "--read-only", "-v", "vol:/data", "-v", bound + ":/bound", "-v", bound + ":/ro:ro",
                "--tmpfs", "/scratch", "busybox", "sh", "-c", "echo inside > /data/in; echo tmp > /scratch/t; exec sleep 100");
        ContainerTests.eventually("the container has written", () -> strata.run("exec", "vols", "cat", "/data/in").exitCode() == 0);

        strata.ok("cp", note.toString(), "vols:/data/");
        strata.ok("cp", note.toString(), "vols:/bound/note2");
        assertThat(strata.ok("exec", "vols", "cat", "/data/note", "/bound/note2").out()).isEqualTo("note\nnote\n");
        assertThat(bound.resolve("note2")).hasContent("note");
        assertThat(tarEntries(strata.ok("cp", "vols:/data", "-").rawOut())).containsExactly("data/", "data/in", "data/note");
        assertThat(tarEntries(strata.ok("cp", "vols:/scratch/t", "-").rawOut())).containsExactly("t");
        // the whole tree: the container's own files, never its /proc
        assertThat(tarEntries(strata.ok("cp", "vols:/", "-").rawOut())).contains("bin/busybox", "proc/")
                .noneMatch(e -> e.startsWith("proc/") && e.length() > "proc/".length());
        StrataRunner.Result readOnly = strata.run("cp", note.toString(), "vols:/ro/");
        assertThat(readOnly.exitCode()).isEqualTo(1);
        assertThat(readOnly.err()).contains("Read-only file system");
        assertThat(strata.run("cp", note.toString(), "vols:/").err()).contains("Read-only file system");
        assertThat(bound.resolve("note")).doesNotExist();
        assertThat(strata.ok("diff", "vols").lines()).noneMatch(l -> l.contains("note"));

        // stopped, the container's volumes are still where its processes would see them
        strata.ok("stop", "-t", "0", "vols");
        strata.ok("cp", note.toString(), "vols:/data/later");
        Path out = Files.createDirectory(dir.resolve("out"));
        strata.ok("cp", "vols:/data", out.toString());
        assertThat(out.resolve("data/later")).hasContent("note");
        assertThat(out.resolve("data/in")).hasContent("inside");
        assertThat(strata.run("cp", note.toString(), "vols:/ro/").err()).contains("Read-only file system");
        assertThat(strata.run("cp", note.toString(), "vols:/").err()).contains("Read-only file system");
        assertThat(strata.ok("diff", "vols").lines()).noneMatch(l -> l.contains("note") || l.contains("later"));
    }

    @Test
    void exportWritesTheWholeFilesystemWithoutVolumes() throws Exception {
        strata.ok("run", "--name", "exported", "-v", "/data", "busybox", "sh", "-c", "echo x > /added; echo y > /data/in-volume");

        List<String> entries = tarEntries(strata.ok("export", "exported").rawOut());

        assertThat(entries).contains("bin/busybox", "etc/passwd", "added").noneMatch(e -> e.contains("in-volume"));
        Path file = dir.resolve("exported.tar");
        strata.ok("export", "-o", file.toString(), "exported");
        assertThat(tarEntries(Files.readAllBytes(file))).isEqualTo(entries);
    }

    @Test
    void topListsTheContainersProcesses() {
        strata.ok("run", "-d", "--name", "sleeper", "busybox", "sleep", "100");

        List<String> top = strata.ok("top", "sleeper").lines();

        assertThat(top.getFirst()).startsWith("UID").contains("PID", "CMD");
        assertThat(top).hasSize(2);
        assertThat(top.get(1)).endsWith("sleep 100");
        assertThat(strata.ok("top", "sleeper", "-o", "pid,args").lines()).hasSize(2).last().asString().endsWith("sleep 100");
        strata.ok("stop", "-t", "0", "sleeper");
        assertThat(strata.run("top", "sleeper").err()).contains("is not running");
    }

    @Test
    void renameChangesTheNameAndRefusesATakenOne() {
        String id = strata.ok("create", "--name", "before", "busybox").out().strip();
        strata.ok("create", "--name", "taken", "busybox");

        strata.ok("rename", "before", "after");

        assertThat(strata.ok("inspect", "-f", "{{.Name}}", id).out()).isEqualTo("/after\n");
        assertThat(strata.run("inspect", "before").exitCode()).isEqualTo(1);
        StrataRunner.Result clash = strata.run("rename", "after", "taken");
        assertThat(clash.exitCode()).isEqualTo(1);
        assertThat(clash.err()).contains("is already in use");
        assertThat(strata.ok("ps", "-a", "--filter", "id=" + id, "--format", "{{.Names}}").out()).isEqualTo("after\n");
    }

    @Test
    void containerPruneRemovesOnlyStoppedContainers() {
        String created = strata.ok("create", "busybox").out().strip();
        strata.ok("run", "--name", "exited", "busybox", "sh", "-c", "echo data > /file");
        String exited = strata.ok("inspect", "-f", "{{.Id}}", "exited").out().strip();
        strata.ok("run", "-d", "--name", "alive", "busybox", "sleep", "100");

        StrataRunner.Result declined = strata.runWithInput("n\n".getBytes(StandardCharsets.UTF_8), "container", "prune");
        assertThat(declined.out()).isEqualTo("WARNING! This will remove all stopped containers.\n"
                + "Are you sure you want to continue? [y/N] ");
        assertThat(strata.ok("ps", "-a", "-q").lines()).hasSize(3);

        List<String> pruned = strata.ok("container", "prune", "-f").lines();
        assertThat(pruned.getFirst()).isEqualTo("Deleted Containers:");
        assertThat(pruned.subList(1, 3)).containsExactlyInAnyOrder(created, exited);
        assertThat(pruned.get(4)).matches("Total reclaimed space: \\d+(\\.\\d+)?k?B");
        assertThat(strata.ok("ps", "-a", "--format", "{{.Names}}").out()).isEqualTo("alive\n");
    }

    @Test
    void commitAppliesChangesAndPausesOnlyWhenAsked() throws Exception {
        strata.ok("run", "--name", "src", "busybox", "sh", "-c", "echo content > /file");

        strata.ok("commit", "-c", "CMD [\"cat\", \"/file\"]", "-c", "ENV A=b", "src", "committed:1");

        assertThat(strata.ok("run", "--rm", "committed:1").out()).isEqualTo("content\n");
        assertThat(strata.ok("run", "--rm", "committed:1", "env").lines()).contains("A=b");
        JsonNode image = new ObjectMapper().readTree(strata.ok("image", "inspect", "committed:1").out()).get(0);
        assertThat(image.get("Config").get("Cmd").toString()).isEqualTo("[\"cat\",\"/file\"]");

        strata.ok("run", "-d", "--name", "live", "busybox", "sh", "-c", "echo live > /live; exec sleep 100");
        ContainerTests.eventually("the file is written",
                () -> strata.run("exec", "live", "cat", "/live").out().equals("live\n"));
        strata.ok("commit", "--pause=false", "live", "live:nopause");
        strata.ok("commit", "live", "live:paused");
        assertThat(inspect(strata, "live").get("State").get("Status").asText()).isEqualTo("running");
        assertThat(strata.ok("run", "--rm", "live:nopause", "cat", "/live").out()).isEqualTo("live\n");
        assertThat(strata.ok("run", "--rm", "live:paused", "cat", "/live").out()).isEqualTo("live\n");
        assertThat(strata.ok("exec", "live", "echo", "still running").out()).isEqualTo("still running\n");
    }

    @Test
    void anImageInUseIsOnlyUntaggedByForce() throws Exception {
        String imageId = strata.ok("inspect", "-f", "{{.Id}}", "busybox").out().strip();
        String container = strata.ok("create", "--name", "user", "busybox").out().strip();

        StrataRunner.Result refused = strata.run("rmi", "busybox");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("conflict: unable to remove repository reference \"busybox\" (must force) - "
                + "container " + container.substring(0, 12) + " is using its referenced image " + imageId.substring(7, 19));

        assertThat(strata.ok("rmi", "-f", "busybox").out()).isEqualTo("Untagged: busybox:latest\n");

        assertThat(strata.ok("image", "inspect", "-f", "{{.Id}}", imageId).out().strip()).isEqualTo(imageId);
        assertThat(strata.ok("start", "-a", "user").exitCode()).isZero();
        assertThat(strata.ok("ps", "-a", "--format", "{{.Image}}").out()).isEqualTo(imageId.substring(7, 19) + "\n");
    }

    @Test
    void aVolumeInUseIsNotRemoved() {
        String id = strata.ok("create", "--name", "holder", "-v", "held:/held", "busybox").out().strip();

        StrataRunner.Result refused = strata.run("volume", "rm", "held");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("volume is in use - [" + id + "]");
        assertThat(strata.ok("volume", "ls", "-q").out()).isEqualTo("held\n");

        strata.ok("rm", "holder");
        assertThat(strata.ok("volume", "rm", "held").out()).isEqualTo("held\n");
    }

    private static List<String> tarEntries(byte[] tar) throws IOException {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static byte[] tarOf(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            TestImages.file(out, name, content);
        }
        return bytes.toByteArray();
    }
}
