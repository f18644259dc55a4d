package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Docker itself (Debian's docker.io) loads what {@code strata save} writes, with the same image ID, and Strata
 * loads what {@code docker save} writes. A private dockerd: its own data root and socket, no bridge, no
 * iptables; stopped by its PID.
 */
@Tag("peers")
class DockerPeerTest {
    @TempDir
    static Path dir;

    static Process dockerd;
    static String host;

    @BeforeAll
    static void startDocker() throws Exception {
        Path state = dir.resolve("docker");
        for (String sub : List.of("data", "exec", "cli")) {
            Files.createDirectories(state.resolve(sub));
        }
        Files.writeString(state.resolve("daemon.json"), "{}");
        host = "unix://" + state.resolve("docker.sock");
        dockerd = new ProcessBuilder("dockerd", "--config-file", state.resolve("daemon.json").toString(),
                "--data-root", state.resolve("data").toString(), "--exec-root", state.resolve("exec").toString(),
                "--pidfile", state.resolve("docker.pid").toString(), "-H", host, "--storage-driver", "overlay2",
                "--bridge=none", "--iptables=false", "--ip-masq=false")
                .redirectErrorStream(true).redirectOutput(state.resolve("dockerd.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (docker("version").exitCode == 0) {
                return;
            }
            if (!dockerd.isAlive()) {
                break;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("dockerd did not start: " + Files.readString(state.resolve("dockerd.log")));
    }

    @AfterAll
    static void stopDocker() throws Exception {
        if (dockerd != null) {
            dockerd.destroy();
            if (!dockerd.waitFor(30, TimeUnit.SECONDS)) {
                dockerd.destroyForcibly().waitFor();
            }
        }
    }

    record Run(int exitCode, String output) {}

    static Run docker(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("docker", "-H", host));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("DOCKER_CONFIG", dir.resolve("docker/cli").toString());
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        return new Run(p.exitValue(), out);
    }

    @Test
    void dockerLoadsOurArchiveWithTheSameId() throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("strata-a"));
        String id = strata.ok("import", "-c", "CMD [\"sh\"]", TestImages.busyboxTar(dir).toString(), "strata/busybox:1").out().strip();
        Path archive = dir.resolve("ours.tar");
        strata.ok("save", "-o", archive.toString(), "strata/busybox:1");
        Run load = docker("load", "-i", archive.toString());
        assertThat(load.exitCode()).as(load.output()).isZero();
        assertThat(load.output()).contains("Loaded image: strata/busybox:1");
        assertThat(docker("image", "inspect", "-f", "{{.Id}}", "strata/busybox:1").output().strip()).isEqualTo(id);
        assertThat(docker("image", "inspect", "-f", "{{.Size}}", "strata/busybox:1").output().strip())
                .isEqualTo(strata.ok("inspect", "-f", "{{.Size}}", "strata/busybox:1").out().strip());
        assertThat(docker("image", "inspect", "-f", "{{json .RootFS.Layers}}", "strata/busybox:1").output().strip())
                .isEqualTo(strata.ok("inspect", "-f", "{{json .RootFS.Layers}}", "strata/busybox:1").out().strip());
    }

    @Test
    void weLoadDockersArchiveWithTheSameId() throws Exception {
        StrataRunner source = new StrataRunner(dir.resolve("strata-b"));
        source.ok("import", TestImages.filesTar(dir, "small.tar", java.util.Map.of("etc/hello", "from docker")).toString(), "hello/docker:2");
        Path ours = dir.resolve("for-docker.tar");
        source.ok("save", "-o", ours.toString(), "hello/docker:2");
        assertThat(docker("load", "-i", ours.toString()).exitCode()).isZero();
        Path theirs = dir.resolve("from-docker.tar");
        Run save = docker("save", "-o", theirs.toString(), "hello/docker:2");
        assertThat(save.exitCode()).as(save.output()).isZero();
        String dockerId = docker("image", "inspect", "-f", "{{.Id}}", "hello/docker:2").output().strip();

        StrataRunner strata = new StrataRunner(dir.resolve("strata-c"));
        assertThat(strata.ok("load", "-i", theirs.toString()).out()).isEqualTo("Loaded image: hello/docker:2\n");
        assertThat(strata.ok("images", "--no-trunc", "-q").out().strip()).isEqualTo(dockerId);
        String upper = strata.ok("inspect", "-f", "{{.GraphDriver.Data.UpperDir}}", "hello/docker:2").out().strip();
        assertThat(Path.of(upper, "etc/hello")).hasContent("from docker");
    }
}
