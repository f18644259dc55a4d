package dev.strata.core.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.oci.Json;
import dev.strata.core.runtime.RuntimeGoldens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Specs written now have the content (compared as JSON trees) of the specs the data-binding generator wrote for
 * the same requests, recorded in {@code golden/runtime/spec/NAME.json} with the root filesystem's path replaced
 * by {@value #ROOTFS}; and, as nothing meant to change them, the same bytes too.
 */
class RuntimeSpecGoldenTest {
    static final String ROOTFS = "@ROOTFS@";
    static final Path DIR = RuntimeGoldens.ROOT.resolve("spec");

    @TempDir
    Path rootfs;

    /** One {@code config.json} to write: the host's limits and the request for a root filesystem. */
    record Sample(long openFiles, Function<Path, RuntimeSpecRequest> request) {}

    /** One process file ({@code runc exec --process}) to write; {@code hostname} may be null. */
    record ProcessSample(String hostname, ProcessRequest process) {}

    static Map<String, Sample> samples() {
        Map<String, Sample> samples = new LinkedHashMap<>();
        samples.put("minimal", new Sample(20000, r -> request(r, process("sh"), List.of(), isolated(), Map.of())));
        samples.put("unlimited-host", new Sample(Long.MAX_VALUE,
                r -> request(r, process("sh"), List.of(), isolated(), Map.of())));
        samples.put("low-limit", new Sample(1024, r -> request(r, process("sh"), List.of(), isolated(), Map.of())));
        samples.put("user-app-terminal", new Sample(20000, r -> request(r,
                new ProcessRequest(List.of("sh", "-l"), List.of("A=1", "B="), "/srv//app/", "app", true),
                List.of(), isolated(), Map.of())));
        samples.put("user-uid-gid", new Sample(20000, r -> request(r,
                new ProcessRequest(List.of("id"), List.of(), "/", "4321:8765", false), List.of(), isolated(), Map.of())));
        samples.put("user-name-group", new Sample(20000, r -> request(r,
                new ProcessRequest(List.of("id"), List.of(), "/tmp", "app:audio", false), List.of(), isolated(),
                Map.of())));
        samples.put("user-nobody", new Sample(20000, r -> request(r,
                new ProcessRequest(List.of("id"), List.of("HOME=/custom"), "", "nobody", false), List.of(), isolated(),
                Map.of())));
        samples.put("user-homeless", new Sample(20000, r -> request(r,
                new ProcessRequest(List.of("id"), List.of(), "", "homeless", false), List.of(), isolated(), Map.of())));
        samples.put("no-user-database", new Sample(20000, r -> request(r.resolve("bare"),
                new ProcessRequest(List.of("true"), List.of(), "", "1000", false), List.of(), isolated(), Map.of())));
        samples.put("env-escapes", new Sample(20000, r -> request(r, new ProcessRequest(
                List.of("sh", "-c", "echo \"$Q\"\t'x' \\ </script>"),
                List.of("Q=\"quoted\" back\\slash", "NL=line1\nline2", "U=h\u00e9llo \u2713 \ud83d\ude00",
                        "CTRL=\u0001\u001f\u007f", "HOSTNAME=mine", "PATH=/opt/bin", "TERM=dumb", "EMPTY="),
                "/", "", true), List.of(), isolated(), Map.of())));
        samples.put("mounts", new Sample(20000, r -> request(r, process("sh"), List.of(
                MountRequest.bind(Path.of("/srv/a/b"), "/data/sub", true),
                MountRequest.tmpfs("/dev/shm", "size=1m"),
                MountRequest.bind(Path.of("/srv/a"), "/data", false),
                MountRequest.bind(Path.of("/srv/hosts"), "/etc/hosts", true),
                MountRequest.tmpfs("/run", "size=64m,mode=1777"),
                new MountRequest("/weird//path/", "none", "src \"x\"", List.of())),
                isolated(), Map.of())));
        samples.put("mount-over-dev", new Sample(20000, r -> request(r, process("sh"),
                List.of(MountRequest.bind(Path.of("/srv/dev"), "/dev", false)), isolated(), Map.of())));
        samples.put("read-only-rootfs-annotations", new Sample(20000, r -> new RuntimeSpecRequest(r, true, "web",
                process("sh"), List.of(), isolated(), Map.of("org.example.b", "2", "org.example.a", "1",
                        "io.strata/\u00fcml\u00e4ut", "v\u00e4lue \"q\"", "empty", ""))));
        samples.put("network-host", new Sample(20000,
                r -> request(r, process("sh"), List.of(), new NetworkNamespace.Host(), Map.of())));
        samples.put("network-joined", new Sample(20000, r -> request(r, process("sh"), List.of(),
                new NetworkNamespace.Joined(Path.of("/run/netns/strata-x")), Map.of())));
        samples.put("network-proc", new Sample(20000, r -> request(r, process("sh"), List.of(),
                new NetworkNamespace.Joined(Path.of("/proc/4242/ns/net")), Map.of())));
        samples.put("long-hostname", new Sample(20000, r -> new RuntimeSpecRequest(r, false, "h".repeat(64),
                new ProcessRequest(List.of("hostname"), List.of(), "", "root", false), List.of(), isolated(),
                Map.of())));
        return samples;
    }

    static Map<String, ProcessSample> processSamples() {
        Map<String, ProcessSample> samples = new LinkedHashMap<>();
        samples.put("exec-plain", new ProcessSample(null,
                new ProcessRequest(List.of("id"), List.of("A=1"), "/tmp", "nobody", false)));
        samples.put("exec-hostname", new ProcessSample("c0ffee",
                new ProcessRequest(List.of("id"), List.of("A=1"), "/tmp", "nobody", false)));
        samples.put("exec-terminal", new ProcessSample("c0ffee",
                new ProcessRequest(List.of("sh"), List.of("TERM=vt100", "X=\u00e9"), "", "app", true)));
        return samples;
    }

    /** Requests the generator refuses, and how. */
    static Map<String, ProcessRequest> refused() {
        Map<String, ProcessRequest> refused = new LinkedHashMap<>();
        refused.put("relative-cwd", new ProcessRequest(List.of("sh"), List.of(), "srv", "", false));
        refused.put("unknown-user", new ProcessRequest(List.of("sh"), List.of(), "", "ghost", false));
        refused.put("unknown-group", new ProcessRequest(List.of("sh"), List.of(), "", "app:ghosts", false));
        refused.put("uid-out-of-range", new ProcessRequest(List.of("sh"), List.of(), "", "4294967296", false));
        return refused;
    }

    @TestFactory
    Stream<DynamicTest> configJsonHasTheRecordedContent() throws IOException {
        userDatabase();
        return samples().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Sample sample = e.getValue();
            byte[] written = new RuntimeSpecGenerator(new HostLimits(sample.openFiles()))
                    .configJson(sample.request().apply(rootfs));
            compare(e.getKey(), written);
        }));
    }

    @TestFactory
    Stream<DynamicTest> processJsonHasTheRecordedContent() throws IOException {
        userDatabase();
        RuntimeSpecGenerator generator = new RuntimeSpecGenerator(new HostLimits(20000));
        return processSamples().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            ProcessSample sample = e.getValue();
            byte[] written = sample.hostname() == null ? generator.processJson(rootfs, sample.process())
                    : generator.processJson(rootfs, sample.hostname(), sample.process());
            compare(e.getKey(), written);
        }));
    }

    @Test
    void refusedRequestsFailAsRecorded() throws IOException {
        userDatabase();
        RuntimeSpecGenerator generator = new RuntimeSpecGenerator(new HostLimits(20000));
        Map<String, String> outcomes = new LinkedHashMap<>();
        refused().forEach((name, process) -> outcomes.put(name, RuntimeGoldens.outcome(
                () -> generator.configJson(request(rootfs, process, List.of(), isolated(), Map.of())))));
        RuntimeGoldens.check("spec-refused.outcomes", outcomes);
    }

    private void compare(String name, byte[] written) throws IOException {
        String text = new String(written, StandardCharsets.UTF_8).replace(rootfs.toString(), ROOTFS);
        Path golden = DIR.resolve(name + ".json");
        if (RuntimeGoldens.RECORD) {
            Files.createDirectories(DIR);
            Files.writeString(golden, text, StandardCharsets.UTF_8);
            return;
        }
        String recorded = Files.readString(golden, StandardCharsets.UTF_8);
        JsonNode expected = Json.tree(recorded.replace(ROOTFS, rootfs.toString()).getBytes(StandardCharsets.UTF_8),
                "golden " + name);
        assertThat(Json.tree(written, "written " + name)).isEqualTo(expected);
        assertThat(text).isEqualTo(recorded);
    }

    private void userDatabase() throws IOException {
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), UserResolverTest.PASSWD);
        Files.writeString(etc.resolve("group"), UserResolverTest.GROUP);
        Files.createDirectories(rootfs.resolve("bare"));
    }

    private static RuntimeSpecRequest request(Path rootfs, ProcessRequest process, List<MountRequest> mounts,
            NetworkNamespace network, Map<String, String> annotations) {
        return new RuntimeSpecRequest(rootfs, false, "c0ffee123456", process, mounts, network, annotations);
    }

    private static ProcessRequest process(String... args) {
        return new ProcessRequest(List.of(args), List.of(), "", "", false);
    }

    private static NetworkNamespace isolated() {
        return new NetworkNamespace.Isolated();
    }
}
