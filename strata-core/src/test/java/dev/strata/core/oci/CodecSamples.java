package dev.strata.core.oci;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Values whose JSON the golden files fix: edge cases of every field of manifests, indexes and image configs
 * (nulls, empties, maps to sort, unicode, characters to escape, large numbers, both booleans).
 */
public final class CodecSamples {
    /** Characters a writer must escape or must not: quotes, backslash, HTML, controls, separators, non-BMP. */
    public static final String TRICKY = "q\"b\\s/ <a href='x'>&amp;</a> \u0000\u0001\u0008\t\n\f\r\u001f\u007f"
            + " \u00e9\u00fc\u4e2d\u2028\u2029\ud83d\udc33 \ufeff end";

    private CodecSamples() {}

    public static Digest digest(String seed) {
        return Digest.sha256(seed.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> unsorted(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    public static Map<String, Object> manifests() {
        Map<String, Object> m = new LinkedHashMap<>();
        Descriptor config = new Descriptor(MediaTypes.OCI_CONFIG, digest("config"), 1234);
        m.put("oci-no-layers", Manifest.oci(config, List.of()));
        m.put("oci-three-layers", Manifest.oci(config, List.of(
                new Descriptor(MediaTypes.OCI_LAYER, digest("l1"), 0),
                new Descriptor("application/vnd.oci.image.layer.v1.tar+gzip", digest("l2"), 2_147_483_648L),
                new Descriptor("application/vnd.oci.image.layer.v1.tar+zstd", digest("l3"), Long.MAX_VALUE))));
        m.put("docker-schema2", new Manifest(2, "application/vnd.docker.distribution.manifest.v2+json",
                new Descriptor("application/vnd.docker.container.image.v1+json", digest("c"), 1515),
                List.of(new Descriptor("application/vnd.docker.image.rootfs.diff.tar.gzip", digest("g"), 34)), Map.of()));
        m.put("annotations-everywhere", new Manifest(2, MediaTypes.OCI_MANIFEST,
                new Descriptor(MediaTypes.OCI_CONFIG, digest("c"), 7, unsorted("z", "last", "a", "first", "M", TRICKY),
                        null),
                List.of(new Descriptor(MediaTypes.OCI_LAYER, digest("l"), 1,
                        unsorted("org.opencontainers.image.title", "layer.tar", "é", "accent", "E", "capital"),
                        new Platform("arm64", "linux", "v8"))),
                unsorted("org.opencontainers.image.created", "2024-01-02T03:04:05Z", "b", "", "a", TRICKY)));
        m.put("empty-and-null-strings", new Manifest(0, "", new Descriptor("", digest("x"), 0, Map.of(),
                new Platform(null, null, null)), List.of(new Descriptor(null, digest("y"), 5, Map.of(),
                new Platform("", "linux", ""))), Map.of()));
        m.put("schema-one", new Manifest(1, null, new Descriptor(null, digest("c"), 3), List.of(), Map.of("k", "v")));
        return m;
    }

    public static Map<String, Object> indexes() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("empty", Index.oci(List.of()));
        m.put("one-tagged", Index.oci(List.of(new Descriptor(MediaTypes.OCI_MANIFEST, digest("m"), 498,
                unsorted("org.opencontainers.image.ref.name", "1.36", "io.containerd.image.name", "docker.io/library/busybox:1.36"),
                null))));
        m.put("platforms", new Index(2, "application/vnd.docker.distribution.manifest.list.v2+json", List.of(
                new Descriptor(MediaTypes.OCI_MANIFEST, digest("amd"), 1, Map.of(), new Platform("amd64", "linux", null)),
                new Descriptor(MediaTypes.OCI_MANIFEST, digest("arm"), 2, Map.of(), new Platform("arm", "linux", "v7"))),
                unsorted("z", "1", "a", TRICKY)));
        m.put("no-media-type", new Index(3, null, List.of(), Map.of()));
        return m;
    }

    public static Map<String, Object> configs() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("all-null", new ImageConfig(null, null, null, null, null, null, null, null, null, null, null));
        m.put("imported", new ImageConfig("amd64", null, ContainerConfig.EMPTY, "2024-05-06T07:08:09.123456789Z",
                List.of(new ImageConfig.History("2024-05-06T07:08:09.123456789Z", null, null, "Imported from -", false)),
                "linux", new ImageConfig.RootFs("layers", List.of(digest("layer"))), null, "Imported from -", null, null));
        m.put("committed", new ImageConfig("arm64", "Jane <jane@example.com>", full(), "2024-05-06T07:08:09Z",
                List.of(new ImageConfig.History("2023-01-01T00:00:00Z", "/bin/sh -c #(nop) ADD file:abc in / ", null, null, false),
                        new ImageConfig.History("2023-01-01T00:00:01Z", "/bin/sh -c #(nop)  CMD [\"sh\"]", null, null, true),
                        new ImageConfig.History("2024-05-06T07:08:09Z", "sh", "Jane", TRICKY, false)),
                "linux", new ImageConfig.RootFs("layers", List.of(digest("a"), digest("b"), digest("c"))), "v8",
                "a comment", "20.10.23", "sha256:" + "f".repeat(64)));
        m.put("empty-strings", new ImageConfig("", "", ContainerConfig.EMPTY.toBuilder().build(), "", List.of(
                new ImageConfig.History("", "", "", "", false), new ImageConfig.History(null, null, null, null, true)),
                "", new ImageConfig.RootFs(null, null), "", "", "", ""));
        m.put("tricky-strings", new ImageConfig(TRICKY, TRICKY, tricky(), TRICKY, List.of(), TRICKY,
                new ImageConfig.RootFs(TRICKY, List.of()), TRICKY, TRICKY, TRICKY, TRICKY));
        m.put("empty-collections", new ImageConfig("amd64", null, new ContainerConfig("", Map.of(), List.of(), List.of(),
                List.of(), Map.of(), false, Map.of(), "", Map.of(), List.of(), "", 0, List.of()), null, List.of(), "linux",
                null, null, null, null, null));
        m.put("nulls-inside", new ImageConfig(null, null, nullsInside(), null, null, null, null, null, null, null, null));
        return m;
    }

    /** Every field of a container config set, maps given out of order. */
    public static ContainerConfig full() {
        Map<String, Map<String, Object>> ports = new LinkedHashMap<>();
        ports.put("8080/tcp", Map.of());
        ports.put("53/udp", new HashMap<>());
        ports.put("443/tcp", Map.of());
        Map<String, Map<String, Object>> volumes = new LinkedHashMap<>();
        volumes.put("/var/lib/data", Map.of());
        volumes.put("/data", Map.of());
        Map<String, Object> healthcheck = new LinkedHashMap<>();
        healthcheck.put("Test", List.of("CMD-SHELL", "wget -q -O- http://localhost/ || exit 1"));
        healthcheck.put("Interval", 30_000_000_000L);
        healthcheck.put("Timeout", 5_000_000_000L);
        healthcheck.put("StartPeriod", 0L);
        healthcheck.put("Retries", 3);
        return new ContainerConfig("app:app", ports, List.of("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                "LANG=C.UTF-8", "EMPTY="), List.of("/docker-entrypoint.sh"), List.of("httpd", "-f", "-p", "8080"),
                healthcheck, true, volumes, "/srv/www",
                unsorted("org.opencontainers.image.version", "1.36.1", "maintainer", "ops@example.com", "a", ""),
                List.of("RUN echo onbuild"), "SIGTERM", 10, List.of("/bin/sh", "-c"));
    }

    private static ContainerConfig tricky() {
        Map<String, Object> healthcheck = new LinkedHashMap<>();
        healthcheck.put("Test", List.of("NONE"));
        healthcheck.put("nested", new LinkedHashMap<>(Map.of("z", List.of(1, 2L, "x", true, false), "a", 1.5)));
        healthcheck.put("big", new java.math.BigInteger("123456789012345678901234567890"));
        healthcheck.put("negative", -1);
        return new ContainerConfig(TRICKY, Map.of(TRICKY, Map.of()), List.of(TRICKY), List.of(TRICKY), List.of(TRICKY),
                healthcheck, false, Map.of(TRICKY, Map.of()), TRICKY, unsorted(TRICKY, TRICKY, "\u00e9", "e-acute",
                "e", "plain", "\ud83d\udc33", "whale", "\uffff", "max"), List.of(TRICKY), TRICKY, -1, List.of(TRICKY));
    }

    /** Nulls where a decoded document may leave them: list elements, map values. */
    private static ContainerConfig nullsInside() {
        Map<String, Map<String, Object>> ports = new LinkedHashMap<>();
        ports.put("80/tcp", null);
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("b", null);
        labels.put("a", "x");
        Map<String, Object> healthcheck = new LinkedHashMap<>();
        healthcheck.put("Test", null);
        healthcheck.put("Interval", Integer.MAX_VALUE);
        List<String> env = new ArrayList<>(Arrays.asList("A=1", null));
        return new ContainerConfig(null, ports, env, null, Arrays.asList((String) null), healthcheck, null, null,
                null, labels, null, null, null, null);
    }
}
