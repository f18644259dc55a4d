package dev.strata.cli.e2e;

import static dev.strata.cli.e2e.ContainerFixtures.concat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Containers given bad input: unknown images and containers, taken names and ports, missing or linked bind
 * sources, {@code cp} through symbolic links that point out of the container, missing paths, commands that
 * cannot run. Each is refused with Docker's exit code and a clear message, and leaves nothing running.
 */
@Tag("root")
class ContainerBadInputTest {
    @TempDir
    Path dir;

    Path root;
    StrataRunner strata;

    @BeforeEach
    void setUp() throws Exception {
        strata = ContainerFixtures.storeWithBusybox(dir);
        root = strata.root();
    }

    @AfterEach
    void removeContainers() throws Exception {
        ContainerFixtures.removeAll(strata);
    }

    @Test
    void unknownImagesAndContainersAndTakenNamesAreRefused() {
        StrataRunner.Result image = strata.run("run", "nosuch:image");
        assertThat(image.exitCode()).isEqualTo(125);
        assertThat(image.err()).contains("nosuch:image");
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();

        for (List<String> verb : List.of(List.of("start"), List.of("stop"), List.of("rm"), List.of("rm", "-f"),
                List.of("kill"), List.of("logs"), List.of("wait"), List.of("container", "inspect"), List.of("pause"))) {
            StrataRunner.Result r = strata.run(concat(verb, "x"));
            assertThat(r.exitCode()).as(verb.toString()).isEqualTo(1);
            assertThat(r.err()).as(verb.toString()).isEqualTo("Error: No such container: x\n");
        }

        strata.ok("create", "--name", "taken", "busybox");
        StrataRunner.Result taken = strata.run("run", "--name", "taken", "busybox", "true");
        assertThat(taken.exitCode()).isEqualTo(125);
        assertThat(taken.err()).contains("The container name \"/taken\" is already in use");
        assertThat(strata.ok("ps", "-a", "-q").lines()).hasSize(1);
    }

    @Test
    void aPortInUseFailsTheStartAndLeavesNothingRunning() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String publish = "127.0.0.1:" + busy.getLocalPort() + ":80";
            StrataRunner.Result kept = strata.run("run", "-d", "--name", "clash", "-p", publish, "busybox", "sleep", "100");
            assertThat(kept.exitCode()).isEqualTo(125);
            assertThat(kept.err()).contains("port is already allocated");
            HostTraces.awaitNone(root);
            // Docker keeps such a container, created and never started; with --rm there is none
            assertThat(strata.ok("ps", "-a", "--format", "{{.Names}} {{.State}}").out()).isEqualTo("clash created\n");
            strata.ok("rm", "clash");

            StrataRunner.Result removed = strata.run("run", "--rm", "-d", "-p", publish, "busybox", "sleep", "100");
            assertThat(removed.exitCode()).isEqualTo(125);
            assertThat(removed.err()).contains("port is already allocated");
            HostTraces.awaitNone(root);
            assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        }
    }

    @Test
    void bindSourcesMustExistForMountAndSymlinksAreFollowedAsDockerDoes() throws Exception {
        Path missing = dir.resolve("missing");
        StrataRunner.Result refused = strata.run("run", "--rm", "--mount", "type=bind,source=" + missing + ",target=/data",
                "busybox", "true");
        assertThat(refused.exitCode()).isEqualTo(125);
        assertThat(refused.err()).contains("bind source path does not exist: " + missing);
        assertThat(missing).doesNotExist();
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();

        Path real = Files.createDirectory(dir.resolve("real"));
        Files.writeString(real.resolve("in"), "from the host\n");
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        assertThat(strata.ok("run", "--rm", "-v", link + ":/data", "busybox", "sh", "-c",
                "cat /data/in; echo from -v > /data/out1").out()).isEqualTo("from the host\n");
        strata.ok("run", "--rm", "--mount", "type=bind,source=" + link + ",target=/data", "busybox", "sh", "-c",
                "echo from --mount > /data/out2");
        assertThat(real.resolve("out1")).hasContent("from -v");
        assertThat(real.resolve("out2")).hasContent("from --mount");
        assertThat(link).isSymbolicLink();
    }

    @Test
    void cpThroughSymlinksStaysInsideTheContainer() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret"), "host secret\n");
        String marker = "planted-" + Long.toHexString(new Random().nextLong());
        strata.ok("run", "--name", "box", "busybox", "sh", "-c",
                "mkdir /tmp && busybox ln -s / /rootlink && busybox ln -s ../../../../../.. /tmp/uplink"
                        + " && busybox ln -s " + secret + " /leak");
        Path file = Files.writeString(dir.resolve("file"), "copied in\n");
        String passwd = tarEntry(strata.ok("cp", "box:/etc/passwd", "-").rawOut());
        assertThat(passwd).isNotEqualTo(Files.readString(Path.of("/etc/passwd")));

        for (String escape : List.of("/rootlink", "/tmp/uplink")) {
            StrataRunner.Result out = strata.run("cp", "box:" + escape + secret, "-");
            assertThat(out.exitCode()).as(escape).isEqualTo(1);
            assertThat(out.out()).as(escape).doesNotContain("host secret");
            assertThat(tarEntry(strata.ok("cp", "box:" + escape + "/etc/passwd", "-").rawOut())).isEqualTo(passwd);

            assertThat(strata.run("cp", file.toString(), "box:" + escape + dir + "/" + marker).exitCode()).isEqualTo(1);
            assertThat(dir.resolve(marker)).doesNotExist();
            strata.ok("cp", file.toString(), "box:" + escape + "/tmp/" + marker);
            assertThat(Path.of("/tmp", marker)).doesNotExist();
            assertThat(tarEntry(strata.ok("cp", "box:/tmp/" + marker, "-").rawOut())).isEqualTo("copied in\n");
        }
        // a link to a host path, followed (-L) or written through, leads to that path in the container
        StrataRunner.Result followed = strata.run("cp", "-L", "box:/leak", "-");
        assertThat(followed.exitCode()).isEqualTo(1);
        assertThat(followed.out()).doesNotContain("host secret");
        assertThat(strata.run("cp", file.toString(), "box:/leak").exitCode()).isEqualTo(1);
        assertThat(secret).hasContent("host secret");
    }

    @Test
    void cpOfAMissingPathSaysWhatIsMissing() throws Exception {
        strata.ok("create", "--name", "box", "busybox");
        StrataRunner.Result out = strata.run("cp", "box:/nosuch", dir.resolve("out").toString());
        assertThat(out.exitCode()).isEqualTo(1);
        assertThat(out.err()).startsWith("Error: cannot copy /nosuch: no such file or directory");
        assertThat(dir.resolve("out")).doesNotExist();

        Path absent = dir.resolve("absent");
        StrataRunner.Result in = strata.run("cp", absent.toString(), "box:/");
        assertThat(in.exitCode()).isEqualTo(1);
        assertThat(in.err()).startsWith("Error: ").contains(absent.toString()).contains("no such file or directory");
        assertThat(strata.ok("diff", "box").out()).isEmpty();
    }

    @Test
    void aMissingCommandExits127AndANonExecutableOne126LeavingTheContainerCreated() throws Exception {
        for (List<String> run : List.of(List.of("run"), List.of("run", "-d"))) {
            String name = "missing" + run.size();
            StrataRunner.Result missing = strata.run(
                    concat(run, "--name", name, "busybox", "nosuchcommand"));
            assertThat(missing.exitCode()).as(run.toString()).isEqualTo(127);
            assertThat(missing.err()).contains("nosuchcommand");
            assertThat(strata.ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", name).out())
                    .isEqualTo("created 127\n");
        }
        StrataRunner.Result notExecutable = strata.run("run", "--name", "noexec", "busybox", "/etc/passwd");
        assertThat(notExecutable.exitCode()).isEqualTo(126);
        assertThat(notExecutable.err()).contains("/etc/passwd").contains("permission denied");
        assertThat(strata.ok("inspect", "-f", "{{.State.Status}} {{.State.ExitCode}}", "noexec").out())
                .isEqualTo("created 126\n");
        assertThat(strata.run("start", "noexec").exitCode()).isEqualTo(1);
        assertThat(strata.ok("ps", "-q").out()).isEmpty();
        HostTraces.awaitNone(root);
    }

    private static String tarEntry(byte[] tar) throws Exception {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            assertThat(in.getNextEntry()).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
