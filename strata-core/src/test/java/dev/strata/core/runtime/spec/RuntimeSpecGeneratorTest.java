package dev.strata.core.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.StrataException;
import dev.strata.core.StrataException.Kind;
import dev.strata.core.oci.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeSpecGeneratorTest {
    static final List<String> DOCKER_CAPS = List.of("CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_FSETID", "CAP_FOWNER",
            "CAP_MKNOD", "CAP_NET_RAW", "CAP_SETGID", "CAP_SETUID", "CAP_SETFCAP", "CAP_SETPCAP",
            "CAP_NET_BIND_SERVICE", "CAP_SYS_CHROOT", "CAP_KILL", "CAP_AUDIT_WRITE");

    @TempDir
    Path rootfs;

    final RuntimeSpecGenerator generator = new RuntimeSpecGenerator(new HostLimits(20000));

    @BeforeEach
    void userDatabase() throws Exception {
        Path etc = Files.createDirectories(rootfs.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), UserResolverTest.PASSWD);
        Files.writeString(etc.resolve("group"), UserResolverTest.GROUP);
    }

    @Test
    void processHasTheResolvedUserDockersCapabilitiesAndCappedOpenFiles() {
        JsonNode spec = spec(request(new ProcessRequest(List.of("sh"), List.of("A=1"), "/srv//app/", "app", true)));

        JsonNode process = spec.get("process");
        assertThat(fieldNames(process)).containsExactly("terminal", "user", "args", "env", "cwd", "capabilities",
                "rlimits", "noNewPrivileges");
        assertThat(process.get("terminal").asBoolean()).isTrue();
        assertThat(process.get("user").toString()).isEqualTo("{\"uid\":1000,\"gid\":1000,\"additionalGids\":[1000,10,29]}");
        assertThat(strings(process.get("env"))).containsExactly("PATH=" + Environment.DEFAULT_PATH,
                "HOSTNAME=c0ffee123456", "TERM=xterm", "A=1", "HOME=/home/app");
        assertThat(process.get("cwd").asText()).isEqualTo("/srv/app");
        JsonNode caps = process.get("capabilities");
        assertThat(fieldNames(caps)).containsExactly("bounding", "effective", "permitted");
        for (String set : List.of("bounding", "effective", "permitted")) {
            assertThat(strings(caps.get(set))).as(set).isEqualTo(DOCKER_CAPS);
        }
        assertThat(process.get("rlimits").toString())
                .isEqualTo("[{\"type\":\"RLIMIT_NOFILE\",\"hard\":20000,\"soft\":20000}]");
        assertThat(process.get("noNewPrivileges").asBoolean()).isFalse();
    }

    @Test
    void openFilesIsDockersWhenTheHostAllowsIt() {
        RuntimeSpecGenerator unlimited = new RuntimeSpecGenerator(new HostLimits(Long.MAX_VALUE));
        JsonNode spec = Json.tree(unlimited.configJson(request(simpleProcess())), "spec");

        assertThat(spec.at("/process/rlimits/0/hard").asLong()).isEqualTo(1048576);
    }

    @Test
    void primaryGroupIsTheFirstAdditionalGroupAsInDocker() throws Exception {
        Files.writeString(rootfs.resolve("etc/group"), "root:x:0:\n");
        JsonNode spec = spec(request(simpleProcess()));

        assertThat(spec.at("/process/user").toString()).isEqualTo("{\"uid\":0,\"gid\":0,\"additionalGids\":[0]}");
        assertThat(spec.at("/process/cwd").asText()).isEqualTo("/");
    }

    @Test
    void topLevelShapeRootAndHostname() {
        RuntimeSpecRequest request = new RuntimeSpecRequest(rootfs, true, "web", simpleProcess(), List.of(),
                new NetworkNamespace.Isolated(), Map.of("org.example.b", "2", "org.example.a", "1"));
        JsonNode spec = spec(request);

        assertThat(fieldNames(spec)).containsExactly("ociVersion", "process", "root", "hostname", "mounts",
                "annotations", "linux");
        assertThat(spec.get("ociVersion").asText()).isEqualTo("1.0.2");
        assertThat(spec.get("root").toString())
                .isEqualTo("{\"path\":\"" + rootfs + "\",\"readonly\":true}");
        assertThat(spec.get("hostname").asText()).isEqualTo("web");
        assertThat(fieldNames(spec.get("annotations"))).containsExactly("org.example.a", "org.example.b");
    }

    @Test
    void linuxHasDockersMaskedReadonlyPathsDevicesAndNamespaces() {
        JsonNode linux = spec(request(simpleProcess())).get("linux");

        assertThat(fieldNames(linux)).containsExactly("sysctl", "resources", "namespaces", "maskedPaths",
                "readonlyPaths");
        assertThat(linux.get("sysctl").toString()).isEqualTo("{\"net.ipv4.ip_unprivileged_port_start\":\"0\","
                + "\"net.ipv4.ping_group_range\":\"0 2147483647\"}");
        assertThat(strings(linux.get("maskedPaths"))).contains("/proc/kcore", "/proc/keys", "/sys/firmware",
                "/proc/sched_debug", "/proc/timer_list", "/proc/acpi", "/proc/scsi");
        assertThat(strings(linux.get("readonlyPaths")))
                .containsExactly("/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");
        JsonNode devices = linux.at("/resources/devices");
        assertThat(devices.get(0).toString()).isEqualTo("{\"allow\":false,\"access\":\"rwm\"}");
        assertThat(devices.get(1).toString())
                .isEqualTo("{\"allow\":true,\"type\":\"c\",\"major\":1,\"minor\":5,\"access\":\"rwm\"}");
        assertThat(namespaces(linux)).containsExactly("mount", "network", "uts", "pid", "ipc", "cgroup");
        assertThat(linux.get("namespaces").get(1).has("path")).isFalse();
    }

    @Test
    void hostNetworkHasNoNetworkNamespaceAndAJoinedOneHasItsPath() {
        JsonNode host = spec(request(simpleProcess(), List.of(), new NetworkNamespace.Host())).get("linux");
        assertThat(namespaces(host)).containsExactly("mount", "uts", "pid", "ipc", "cgroup");
        assertThat(host.has("sysctl")).as("the host's sysctls are left alone").isFalse();

        Path netns = Path.of("/run/netns/strata-x");
        JsonNode joined = spec(request(simpleProcess(), List.of(), new NetworkNamespace.Joined(netns))).get("linux");
        assertThat(joined.get("namespaces").get(1).toString())
                .isEqualTo("{\"type\":\"network\",\"path\":\"/run/netns/strata-x\"}");
        assertThat(joined.has("sysctl")).isFalse();
    }

    @Test
    void defaultMountsInDockersOrder() {
        JsonNode mounts = spec(request(simpleProcess())).get("mounts");

        assertThat(destinations(mounts)).containsExactly("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup",
                "/dev/mqueue", "/dev/shm");
        assertThat(mounts.get(1).toString()).isEqualTo("{\"destination\":\"/dev\",\"type\":\"tmpfs\",\"source\":\"tmpfs\","
                + "\"options\":[\"nosuid\",\"strictatime\",\"mode=755\",\"size=65536k\"]}");
        assertThat(strings(mounts.get(4).get("options"))).contains("ro");
        assertThat(strings(mounts.get(6).get("options"))).contains("size=65536k", "mode=1777", "noexec");
    }

    @Test
    void userMountsFollowParentsFirstAndReplaceDefaults() {
        List<MountRequest> user = List.of(
                MountRequest.bind(Path.of("/srv/a/b"), "/data/sub", true),
                MountRequest.tmpfs("/dev/shm", "size=1m"),
                MountRequest.bind(Path.of("/srv/a"), "/data", false),
                MountRequest.bind(Path.of("/srv/hosts"), "/etc/hosts", true));
        JsonNode mounts = spec(request(simpleProcess(), user, new NetworkNamespace.Isolated())).get("mounts");

        assertThat(destinations(mounts)).containsExactly("/proc", "/dev", "/dev/pts", "/sys", "/sys/fs/cgroup",
                "/dev/mqueue", "/data", "/data/sub", "/dev/shm", "/etc/hosts");
        assertThat(mounts.get(8).get("source").asText()).isEqualTo("tmpfs");
    }

    @Test
    void aUserMountOnDevHidesTheDefaultsBelowIt() {
        List<MountRequest> user = List.of(MountRequest.bind(Path.of("/srv/dev"), "/dev", false));
        JsonNode mounts = spec(request(simpleProcess(), user, new NetworkNamespace.Isolated())).get("mounts");

        assertThat(destinations(mounts)).containsExactly("/proc", "/sys", "/sys/fs/cgroup", "/dev");
    }

    @Test
    void sameRequestGivesSameBytes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("z", "1");
        a.put("a", "2");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("a", "2");
        b.put("z", "1");
        ProcessRequest process = new ProcessRequest(List.of("sh", "-c", "true"), List.of("X=1"), "/", "app", false);

        byte[] first = generator.configJson(new RuntimeSpecRequest(rootfs, false, "h", process, List.of(),
                new NetworkNamespace.Isolated(), a));
        byte[] second = generator.configJson(new RuntimeSpecRequest(rootfs, false, "h", process, List.of(),
                new NetworkNamespace.Isolated(), b));

        assertThat(second).isEqualTo(first);
    }

    @Test
    void relativeWorkingDirectoryIsRejected() {
        ProcessRequest process = new ProcessRequest(List.of("sh"), List.of(), "srv", "", false);

        assertThatThrownBy(() -> generator.configJson(request(process)))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT))
                .hasMessageContaining("'srv' is invalid, it needs to be an absolute path");
    }

    @Test
    void unknownUserFailsTheSpec() {
        ProcessRequest process = new ProcessRequest(List.of("sh"), List.of(), "", "ghost", false);

        assertThatThrownBy(() -> generator.configJson(request(process)))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void hostnameLongerThanTheKernelAllowsIsRejected() {
        assertThatThrownBy(() -> new RuntimeSpecRequest(rootfs, false, "h".repeat(65), simpleProcess(), List.of(),
                new NetworkNamespace.Isolated(), Map.of()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(Kind.INVALID_ARGUMENT));
    }

    @Test
    void processJsonIsTheProcessObjectWithOrWithoutHostname() {
        ProcessRequest process = new ProcessRequest(List.of("id"), List.of("A=1"), "/tmp", "nobody", false);

        JsonNode plain = Json.tree(generator.processJson(rootfs, process), "process");
        JsonNode named = Json.tree(generator.processJson(rootfs, "c0ffee", process), "process");

        assertThat(fieldNames(plain)).containsExactly("terminal", "user", "args", "env", "cwd", "capabilities",
                "rlimits", "noNewPrivileges");
        assertThat(plain.get("user").toString()).isEqualTo("{\"uid\":65534,\"gid\":65534,\"additionalGids\":[65534]}");
        assertThat(strings(plain.get("env"))).containsExactly("PATH=" + Environment.DEFAULT_PATH, "A=1",
                "HOME=/nonexistent");
        assertThat(strings(named.get("env"))).containsExactly("PATH=" + Environment.DEFAULT_PATH,
                "HOSTNAME=c0ffee", "A=1", "HOME=/nonexistent");
        assertThat(plain.get("capabilities")).isEqualTo(spec(request(simpleProcess())).at("/process/capabilities"));
    }

    private RuntimeSpecRequest request(ProcessRequest process) {
        return request(process, List.of(), new NetworkNamespace.Isolated());
    }

    private RuntimeSpecRequest request(ProcessRequest process, List<MountRequest> mounts, NetworkNamespace network) {
        return new RuntimeSpecRequest(rootfs, false, "c0ffee123456", process, mounts, network, Map.of());
    }

    private static ProcessRequest simpleProcess() {
        return new ProcessRequest(List.of("sh"), List.of(), "", "", false);
    }

    private JsonNode spec(RuntimeSpecRequest request) {
        return Json.tree(generator.configJson(request), "config.json");
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> destinations(JsonNode mounts) {
        List<String> values = new ArrayList<>();
        mounts.forEach(m -> values.add(m.get("destination").asText()));
        return values;
    }

    private static List<String> namespaces(JsonNode linux) {
        List<String> values = new ArrayList<>();
        linux.get("namespaces").forEach(n -> values.add(n.get("type").asText()));
        return values;
    }
}
