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

    /**
     * The same Dockerfile, built by Docker's classic builder and by Strata on the same base image: the history
     * reads the same, COPY's content checksums included, and the built images behave alike.
     */
    @Test
    void dockersClassicBuilderWritesTheSameHistory() throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("strata-d"));
        strata.ok("import", "-c", "CMD [\"sh\"]", TestImages.busyboxTar(dir).toString(), "peer/busybox:1");
        Path base = dir.resolve("peer-busybox.tar");
        strata.ok("save", "-o", base.toString(), "peer/busybox:1");
        assertThat(docker("load", "-i", base.toString()).exitCode()).isZero();
        Path ctx = Files.createDirectories(dir.resolve("peer-context"));
        Files.writeString(ctx.resolve("hello.txt"), "hello\n");
        Files.createDirectories(ctx.resolve("site/css"));
        Files.writeString(ctx.resolve("site/index.html"), "<h1>hi</h1>\n");
        Files.writeString(ctx.resolve("site/css/main.css"), "h1 { color: red }\n");
        Files.writeString(ctx.resolve("Dockerfile"), """
                FROM peer/busybox:1
                LABEL maintainer="chumoshi" version=1
                ENV MYPATH /usr/local
                WORKDIR $MYPATH
                RUN echo 'Hi, I am your container' > /index.html
                COPY hello.txt /opt/
                COPY site /srv/site
                COPY hello.txt site/index.html /multi/
                EXPOSE 80
                VOLUME /data
                ARG VERSION=1.2
                RUN echo "version $VERSION" > /version
                HEALTHCHECK --interval=30s --timeout=3s --retries=3 CMD wget -q localhost || exit 1
                ONBUILD RUN echo child
                SHELL ["/bin/sh", "-ec"]
                RUN echo shell > /shell
                USER nobody
                STOPSIGNAL SIGTERM
                ENTRYPOINT ["/bin/sh", "-c"]
                CMD echo $MYPATH
                """);
        ProcessBuilder classic = new ProcessBuilder("docker", "-H", host, "build", "--build-arg", "VERSION=2.0",
                "-t", "peer/built:1", ctx.toString())
                .redirectErrorStream(true);
        classic.environment().put("DOCKER_BUILDKIT", "0");
        classic.environment().put("DOCKER_CONFIG", dir.resolve("docker/cli").toString());
        Process p = classic.start();
        String dockerOutput = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(dockerOutput).isZero();
        strata.ok("build", "--build-arg", "VERSION=2.0", "-t", "peer/built:1", ctx.toString());

        String format = "{{.CreatedBy}}";
        List<String> theirs = docker("history", "--no-trunc", "--format", format, "peer/built:1").output().lines().toList();
        List<String> ours = strata.ok("history", "--no-trunc", "--format", format, "peer/built:1").out().lines().toList();
        assertThat(ours).isEqualTo(theirs);
        for (String field : List.of("{{json .Config.Env}}", "{{json .Config.Cmd}}", "{{json .Config.Entrypoint}}",
                "{{json .Config.ExposedPorts}}", "{{json .Config.Volumes}}", "{{.Config.User}}",
                "{{.Config.WorkingDir}}", "{{json .Config.Labels}}", "{{.Config.StopSignal}}",
                "{{json .Config.OnBuild}}", "{{json .Config.Shell}}")) {
            assertThat(strata.ok("image", "inspect", "-f", field, "peer/built:1").out().strip()).as(field)
                    .isEqualTo(docker("image", "inspect", "-f", field, "peer/built:1").output().strip());
        }
        // the same health check; Strata writes a config's map keys sorted, Docker in its struct's order
        String health = "{{json .Config.Healthcheck}}";
        assertThat(dev.strata.core.oci.Json.tree(strata.ok("image", "inspect", "-f", health, "peer/built:1").out()
                .getBytes(StandardCharsets.UTF_8), "ours"))
                .isEqualTo(dev.strata.core.oci.Json.tree(docker("image", "inspect", "-f", health, "peer/built:1")
                        .output().getBytes(StandardCharsets.UTF_8), "docker's"));
    }
}
