package dev.strata.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.runtime.conmon.SyncPipes;
import dev.strata.core.runtime.network.PortMapping;
import dev.strata.core.runtime.network.Slirp4netns;
import dev.strata.core.runtime.spec.HostLimits;
import dev.strata.core.runtime.spec.NetworkNamespace;
import dev.strata.core.runtime.spec.ProcessRequest;
import dev.strata.core.runtime.spec.RuntimeSpecGenerator;
import dev.strata.core.runtime.spec.RuntimeSpecRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's JSON on {@code run}'s way (writing the spec and a process file, reading runc's state and process
 * list, conmon's sync pipe report, a slirp4netns API reply) loads no class of {@code jackson-databind} in a fresh
 * JVM, as {@code container.HotPathJsonTest} checks for the image and container documents.
 */
class RunPathJsonTest {
    @TempDir
    Path dir;

    @Test
    void theRunPathLoadsNoDataBinding() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"), Probe.class.getName(),
                dir.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor()).as(output).isZero();
        assertThat(output).contains("spec true", "state RUNNING 4242", "ps [4242, 4250]", "terminal refused",
                        "sync Optional[77] ", "forwards [80/tcp -> 127.0.0.1:8080]", "probe done", "dev.strata.core.runtime.JsonValues ")
                .doesNotContain("com.fasterxml.jackson.databind.", "dev.strata.core.oci.Json ");
    }

    /** What the child JVM runs, in a scratch directory; prints what each step gave. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            Path dir = Path.of(args[0]);
            Path rootfs = Files.createDirectories(dir.resolve("rootfs/etc"));
            Files.writeString(rootfs.resolve("passwd"), "root:x:0:0:root:/root:/bin/sh\n");
            Files.writeString(rootfs.resolve("group"), "root:x:0:\n");
            RuntimeSpecGenerator generator = new RuntimeSpecGenerator(HostLimits.current());
            ProcessRequest process = new ProcessRequest(List.of("true"), List.of("A=1"), "", "", true);
            byte[] spec = generator.configJson(new RuntimeSpecRequest(rootfs.getParent(), false, "c0ffee", process,
                    List.of(), new NetworkNamespace.Isolated(), Map.of("a", "b")));
            Path processFile = Files.write(dir.resolve("process.json"),
                    generator.processJson(rootfs.getParent(), "c0ffee", process));
            System.out.println("spec " + new String(spec, StandardCharsets.UTF_8).startsWith("{\"ociVersion\":\"1.0.2\""));

            Runc runc = new Runc(fakeRunc(dir), dir.resolve("state"));
            RuntimeState state = runc.state("c1").orElseThrow();
            System.out.println("state " + state.status() + " " + state.pid());
            System.out.println("ps " + runc.processes("c1"));
            try {
                runc.execDetached("c1", processFile);
            } catch (OciRuntimeException e) {
                System.out.println("terminal refused");
            }

            System.out.println("sync " + SyncPipes.read(new ByteArrayInputStream(
                    "conmon: note\n{\"data\": 77}\n".getBytes(StandardCharsets.UTF_8))));

            Path socket = dir.resolve("api.sock");
            try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                server.bind(UnixDomainSocketAddress.of(socket));
                Thread.ofVirtual().start(() -> answer(server, "{\"entries\": [{\"id\": 1, \"proto\": \"tcp\","
                        + " \"host_addr\": \"127.0.0.1\", \"host_port\": 8080, \"guest_addr\": \"10.0.2.100\","
                        + " \"guest_port\": 80}]}"));
                List<PortMapping> forwards = new Slirp4netns(Path.of("slirp4netns"), null, Duration.ofSeconds(10))
                        .forwards(socket);
                System.out.println("forwards " + forwards);
            }
            System.out.println("probe done");
        }

        /** A runc that knows one running container with two processes. */
        private static Path fakeRunc(Path dir) throws IOException {
            Path script = dir.resolve("runc");
            Files.writeString(script, """
                    #!/bin/sh
                    case "$3" in
                      state) echo '{"ociVersion":"1.0.2","id":"c1","pid":4242,"status":"running","bundle":"/b",\
                    "rootfs":"/r","created":"2024-05-06T07:08:09.123456789Z","owner":""}' ;;
                      ps) echo '[4242,4250]' ;;
                      *) echo "unexpected $*" >&2; exit 1 ;;
                    esac
                    """);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
            return script;
        }

        /** Serves one request as slirp4netns does: reads it, answers, closes. */
        private static void answer(ServerSocketChannel server, String reply) {
            try (SocketChannel client = server.accept()) {
                client.read(ByteBuffer.allocate(4096));
                client.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
