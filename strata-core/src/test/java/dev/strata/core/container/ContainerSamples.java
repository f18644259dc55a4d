package dev.strata.core.container;

import dev.strata.core.oci.CodecSamples;
import dev.strata.core.oci.Digest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Container records and states whose JSON the golden files fix. */
public final class ContainerSamples {
    private static final String TRICKY = CodecSamples.TRICKY;

    private ContainerSamples() {}

    public static Map<String, Object> records() {
        Map<String, Object> m = new LinkedHashMap<>();
        String id = "0123456789ab".repeat(5) + "cdef";
        List<Digest> layers = List.of(CodecSamples.digest("l1"), CodecSamples.digest("l2"));
        m.put("run", new ContainerRecord(id, "eager_turing", "2024-05-06T07:08:09.123456789Z", "busybox:1.36",
                "sha256:" + "e".repeat(64), layers, "httpd", List.of("-f", "-p", "8080"), runConfig(),
                new HostSettings(List.of(
                        new HostSettings.ContainerMount("bind", null, "/srv/site", "/www", true, null, false),
                        new HostSettings.ContainerMount("volume", "data", "/var/lib/strata/volumes/data/_data", "/data",
                                false, "", false),
                        new HostSettings.ContainerMount("volume", "f".repeat(64), "/v/_data", "/anon", false, null, true),
                        new HostSettings.ContainerMount("tmpfs", null, null, "/run", false, "size=64m,mode=1777", false)),
                        List.of(new HostSettings.PublishedPort("127.0.0.1", 8080, 80, "tcp"),
                                new HostSettings.PublishedPort("", 0, 53, "udp")),
                        true, "slirp4netns", true, true)));
        m.put("minimal", new ContainerRecord(id, "n", null, null, null, List.of(), null, null, null, null));
        m.put("tricky", new ContainerRecord(id, TRICKY, TRICKY, TRICKY, TRICKY, layers, TRICKY, List.of(TRICKY, ""),
                trickyConfig(), new HostSettings(null, null, false, null, false, false)));
        return m;
    }

    private static RunConfig runConfig() {
        Map<String, Map<String, Object>> ports = new TreeMap<>();
        ports.put("8080/tcp", Map.of());
        ports.put("53/udp", Map.of());
        Map<String, Map<String, Object>> volumes = new TreeMap<>();
        volumes.put("/data", Map.of());
        return new RunConfig("0123456789ab", "", "app", false, true, true, ports, false, false, false,
                List.of("PATH=/bin", "A=b=c"), List.of("httpd", "-f"), "busybox:1.36", volumes, "/www",
                List.of("/entry"), List.of("RUN x"), Map.of("z", "1", "a", "2", "m", ""), "SIGTERM", 10);
    }

    private static RunConfig trickyConfig() {
        Map<String, Map<String, Object>> ports = new LinkedHashMap<>();
        ports.put("9/tcp", new HashMap<>(Map.of("k", List.of(1, "x"))));
        ports.put("1/tcp", null);
        return new RunConfig(TRICKY, TRICKY, TRICKY, true, false, true, ports, true, true, true, List.of(), List.of(),
                TRICKY, Map.of(), TRICKY, List.of(), List.of(), Map.of(TRICKY, TRICKY), "", 0);
    }

    public static Map<String, Object> states() {
        Map<String, Object> m = new LinkedHashMap<>();
        ContainerState created = ContainerState.created();
        m.put("created", created);
        List<HostSettings.PublishedPort> ports = List.of(new HostSettings.PublishedPort("127.0.0.1", 34567, 80, "tcp"));
        ContainerState running = created.running(4242, 4240, 4241, "2024-05-06T07:08:09.123456789Z", ports);
        m.put("running", running);
        m.put("paused", running.withStatus(ContainerState.Status.paused));
        m.put("exited", running.exited(137, "2024-05-06T07:09:00Z").cleaned());
        m.put("failed", created.failed(127, "cannot start: exec: \"nope\": executable file not found in $PATH\n" + TRICKY));
        m.put("nulls", new ContainerState(null, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, 255, null, null, null, 3, false, null));
        m.put("dead", new ContainerState(ContainerState.Status.dead, 0, 0, 0, -1, "", "", "", 0, true,
                List.of(new HostSettings.PublishedPort(null, 0, 0, null))));
        return m;
    }
}
