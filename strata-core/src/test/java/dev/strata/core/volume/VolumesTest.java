package dev.strata.core.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import dev.strata.core.sys.Mounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumesTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:20:30.123456789Z");

    @TempDir
    Path root;

    /** Which containers use which volume, as a container store would answer. */
    final Map<String, List<String>> users = new ConcurrentHashMap<>();
    Volumes volumes;

    @BeforeEach
    void setUp() {
        volumes = new Volumes(root, Clock.fixed(NOW, ZoneOffset.UTC), new Random(7),
                name -> users.getOrDefault(name, List.of()));
    }

    private Volume create(String name) {
        return volumes.create(name, null, Map.of(), Map.of());
    }

    private List<String> names(List<String> filters) {
        return volumes.list(filters).stream().map(Volume::name).toList();
    }

    @Test
    void createMakesTheDataDirectoryAndMetadataDockerInspectShows() throws Exception {
        Volume created = volumes.create("web-data", "local", Map.of("env", "prod"), Map.of());

        assertThat(created.name()).isEqualTo("web-data");
        assertThat(created.mountpoint()).isEqualTo(root.resolve("volumes/web-data/_data"));
        assertThat(created.mountpoint()).isDirectory().isEmptyDirectory();
        assertThat(created.driver()).isEqualTo("local");
        assertThat(created.scope()).isEqualTo("local");
        assertThat(created.createdAt()).isEqualTo(NOW);
        assertThat(created.labels()).containsExactly(Map.entry("env", "prod"));
        assertThat(created.anonymous()).isFalse();
        assertThat(volumes.get("web-data")).isEqualTo(created);

        var metadata = Json.tree(Files.readAllBytes(root.resolve("volumes/web-data/volume.json")), "metadata");
        assertThat(metadata.get("Name").asText()).isEqualTo("web-data");
        assertThat(metadata.get("Driver").asText()).isEqualTo("local");
        assertThat(metadata.get("Scope").asText()).isEqualTo("local");
        assertThat(metadata.get("Mountpoint").asText()).isEqualTo(created.mountpoint().toString());
        assertThat(metadata.get("CreatedAt").asText()).isEqualTo("2024-05-01T10:20:30.123456789Z");
        assertThat(metadata.get("Labels").get("env").asText()).isEqualTo("prod");
        assertThat(metadata.get("Options").isObject()).isTrue();
        assertThat(metadata.get("Anonymous").asBoolean()).isFalse();
        // nothing half-made is left beside it
        try (Stream<Path> entries = Files.list(root.resolve("volumes"))) {
            assertThat(entries.map(p -> p.getFileName().toString())).containsExactly("web-data");
        }
    }

    @Test
    void anonymousVolumesGetARandomHexNameAndDockersLabel() {
        Volume a = create(null);
        Volume b = create(null);
        assertThat(a.name()).matches("[0-9a-f]{64}");
        assertThat(b.name()).isNotEqualTo(a.name());
        assertThat(a.anonymous()).isTrue();
        assertThat(a.labels()).containsEntry(Volume.ANONYMOUS_LABEL, "");
    }

    @Test
    void createOfAnExistingNameReturnsItUnchanged() {
        Volume first = volumes.create("shared", null, Map.of("a", "1"), Map.of());
        Volume again = volumes.create("shared", null, Map.of("b", "2"), Map.of());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void createRefusesWhatDockersLocalDriverRefuses() {
        assertThatThrownBy(() -> create("x")).hasMessage(
                "cannot create volume x: volume name is too short, names should be at least two alphanumeric characters");
        assertThatThrownBy(() -> create("-dash")).hasMessageContaining("\"-dash\" includes invalid characters for a "
                + "local volume name, only \"[a-zA-Z0-9][a-zA-Z0-9_.-]\" are allowed");
        assertThatThrownBy(() -> create("../escape")).isInstanceOfSatisfying(StrataException.class,
                e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT));
        assertThatThrownBy(() -> volumes.create("v1", "nfs-plugin", Map.of(), Map.of()))
                .hasMessage("cannot create volume v1: error looking up volume plugin nfs-plugin: plugin \"nfs-plugin\" not found");
        assertThatThrownBy(() -> volumes.create("v1", null, Map.of(), Map.of("color", "red")))
                .hasMessage("cannot create volume v1: invalid option: \"color\"");
        assertThatThrownBy(() -> volumes.create("v1", null, Map.of(), Map.of("device", "/dev/sda1")))
                .hasMessage("cannot create volume v1: missing required option: \"type\"");
        assertThatThrownBy(() -> volumes.create("v1", null, Map.of(), Map.of("o", "size=1m", "type", "tmpfs")))
                .hasMessage("cannot create volume v1: missing required option: \"device\"");
        assertThatThrownBy(() -> volumes.create("v1", null, Map.of(), Map.of("size", "10g")))
                .hasMessage("cannot create volume v1: quota size requested but no quota support");
        assertThat(root.resolve("volumes/v1")).doesNotExist();
    }

    @Test
    void driverOptionsDescribeTheDeviceMount() {
        Volume tmp = volumes.create("ram", null, Map.of(), Map.of("type", "tmpfs", "device", "tmpfs", "o", "size=1m"));
        assertThat(tmp.deviceMount()).contains(new DeviceMount("tmpfs", "tmpfs", "size=1m"));
        assertThat(volumes.get("ram").options()).containsEntry("o", "size=1m");
        assertThat(create("plain").deviceMount()).isEmpty();
    }

    @Test
    void getOfAMissingOrImpossibleNameIsNotFound() {
        assertThatThrownBy(() -> volumes.get("missing"))
                .isInstanceOfSatisfying(NoSuchVolumeException.class,
                        e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND))
                .hasMessage("cannot inspect volume missing: no such volume");
        // a name that is a path must not reach outside the volumes directory
        assertThat(volumes.find("../..")).isEmpty();
        assertThat(volumes.find("")).isEmpty();
    }

    @Test
    void listIsInNaturalOrderAndFilters() {
        create("vol10");
        create("vol2");
        volumes.create("db", null, Map.of("tier", "back", "backup", ""), Map.of());
        volumes.create("web", null, Map.of("tier", "front"), Map.of());
        users.put("web", List.of("c1"));

        assertThat(names(List.of())).containsExactly("db", "vol2", "vol10", "web");
        assertThat(names(List.of("dangling=true"))).containsExactly("db", "vol2", "vol10");
        assertThat(names(List.of("dangling=0"))).containsExactly("web");
        assertThat(names(List.of("name=vol"))).containsExactly("vol2", "vol10");
        assertThat(names(List.of("name=^vol1", "name=db"))).containsExactly("db", "vol10");
        assertThat(names(List.of("name=[bad"))).isEmpty();
        assertThat(names(List.of("label=tier"))).containsExactly("db", "web");
        assertThat(names(List.of("label=tier=back"))).containsExactly("db");
        assertThat(names(List.of("label=tier", "label=backup"))).containsExactly("db");
        assertThat(names(List.of("driver=local", "Name = web "))).containsExactly("web");
        assertThat(names(List.of("driver=other"))).isEmpty();
    }

    @Test
    void listRefusesUnknownOrMalformedFilters() {
        assertThatThrownBy(() -> volumes.list(List.of("until=1h"))).hasMessage("invalid filter 'until'");
        assertThatThrownBy(() -> volumes.list(List.of("label!=x"))).hasMessage("invalid filter 'label!'");
        assertThatThrownBy(() -> volumes.list(List.of("dangling"))).hasMessage("bad format of filter (expected name=value)");
        assertThatThrownBy(() -> volumes.list(List.of("dangling=maybe"))).hasMessage("invalid filter 'dangling=maybe'");
        assertThatThrownBy(() -> volumes.list(List.of("dangling=true", "dangling=false")))
                .hasMessageStartingWith("invalid filter 'dangling=");
    }

    @Test
    void removeDeletesTheVolumeAndItsFiles() throws Exception {
        Volume v = create("gone");
        Files.createDirectories(v.mountpoint().resolve("a/b"));
        Files.writeString(v.mountpoint().resolve("a/b/file"), "data");
        Files.createSymbolicLink(v.mountpoint().resolve("outside"), root.getParent());

        volumes.remove("gone", false);

        assertThat(volumes.find("gone")).isEmpty();
        assertThat(root.getParent()).exists(); // the link was removed, not followed
        try (Stream<Path> entries = Files.list(root.resolve("volumes"))) {
            assertThat(entries).isEmpty();
        }
    }

    @Test
    void removeOfAMissingVolumeFailsUnlessForced() {
        assertThatThrownBy(() -> volumes.remove("nothing", false))
                .isInstanceOf(NoSuchVolumeException.class).hasMessage("cannot remove volume nothing: no such volume");
        volumes.remove("nothing", true);
    }

    @Test
    void removeOfAVolumeInUseIsRefusedEvenWhenForced() {
        create("busy");
        users.put("busy", List.of("abc123", "def456"));
        for (boolean force : new boolean[] {false, true}) {
            assertThatThrownBy(() -> volumes.remove("busy", force))
                    .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.IN_USE))
                    .hasMessage("cannot remove volume busy: volume is in use - [abc123, def456]");
        }
        assertThat(volumes.find("busy")).isPresent();
    }

    @Test
    void pruneTakesUnusedAnonymousVolumesOnlyUnlessAll() throws Exception {
        Volume anonymousUnused = create(null);
        Volume anonymousUsed = create(null);
        create("named");
        volumes.create("ram", null, Map.of(), Map.of("type", "tmpfs", "device", "tmpfs"));
        users.put(anonymousUsed.name(), List.of("c1"));
        Files.write(anonymousUnused.mountpoint().resolve("blob"), new byte[3000]);
        Files.createLink(anonymousUnused.mountpoint().resolve("same-blob"), anonymousUnused.mountpoint().resolve("blob"));
        Files.createDirectories(anonymousUnused.mountpoint().resolve("dir"));
        Files.write(anonymousUnused.mountpoint().resolve("dir/small"), new byte[20]);

        PruneReport report = volumes.prune(false, List.of());

        assertThat(report.deleted()).containsExactly(anonymousUnused.name());
        assertThat(report.reclaimed()).isEqualTo(3020); // the hard link counted once, directories not at all
        assertThat(names(List.of())).containsExactlyInAnyOrder(anonymousUsed.name(), "named", "ram");

        PruneReport all = volumes.prune(true, List.of());
        // volumes with driver options keep files elsewhere: prune leaves them, as Docker does
        assertThat(all.deleted()).containsExactly("named");
        assertThat(all.reclaimed()).isZero();
        assertThat(names(List.of())).containsExactlyInAnyOrder(anonymousUsed.name(), "ram");
    }

    @Test
    void pruneFiltersByLabel() {
        volumes.create("keep", null, Map.of("keep", "yes"), Map.of());
        volumes.create("temp", null, Map.of("stage", "ci"), Map.of());
        create("other");

        assertThat(volumes.prune(false, List.of("all=true", "label=stage=ci")).deleted()).containsExactly("temp");
        assertThat(volumes.prune(false, List.of("all=1", "label!=keep")).deleted()).containsExactly("other");
        assertThat(names(List.of())).containsExactly("keep");
        assertThatThrownBy(() -> volumes.prune(true, List.of("all=true")))
                .hasMessage("conflicting options: cannot specify both --all and --filter all=1");
        assertThatThrownBy(() -> volumes.prune(false, List.of("dangling=true"))).hasMessage("invalid filter 'dangling'");
    }

    @Test
    @Tag("root")
    void aVolumeWithAFileSystemMountedOnItIsNeverDeleted() throws Exception {
        Volume mounted = create("mounted");
        Mounts.mount("strata-test", mounted.mountpoint(), "tmpfs", 0, "size=1m");
        try {
            Files.writeString(mounted.mountpoint().resolve("precious"), "not ours");
            assertThatThrownBy(() -> volumes.remove("mounted", false))
                    .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.IN_USE))
                    .hasMessage("cannot remove volume mounted: a file system is still mounted on " + mounted.mountpoint()
                            + "; unmount it first");
            assertThat(volumes.prune(true, List.of()).deleted()).isEmpty();
            assertThat(mounted.mountpoint().resolve("precious")).hasContent("not ours");
        } finally {
            Mounts.unmount(mounted.mountpoint(), Mounts.MNT_DETACH);
        }
        volumes.remove("mounted", false);
        assertThat(volumes.find("mounted")).isEmpty();
    }

    @Test
    void leftoversOfDeadProcessesAreCleanedOnTheNextCreate() throws Exception {
        Path deadStaging = Files.createDirectories(root.resolve("volumes/.staging-999999999-aa/_data"));
        Path deadTrash = Files.createDirectories(root.resolve("volumes/.trash-999999999-bb/_data"));
        Path liveTrash = Files.createDirectories(
                root.resolve("volumes/.trash-" + ProcessHandle.current().pid() + "-cc/_data"));

        create("fresh");

        assertThat(deadStaging.getParent()).doesNotExist();
        assertThat(deadTrash.getParent()).doesNotExist();
        assertThat(liveTrash).exists(); // a live process may still be deleting it
        assertThat(names(List.of())).containsExactly("fresh");
    }

    @Test
    void concurrentCreatesOfOneNameMakeOneVolume() throws Exception {
        List<Volume> results = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    results.add(volumes.create("same", null, Map.of("n", Integer.toString(n)), Map.of()));
                    results.add(create("own-" + n));
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        }
        List<Volume> same = results.stream().filter(v -> v.name().equals("same")).toList();
        assertThat(same).hasSize(32).allMatch(v -> v.equals(same.getFirst()));
        assertThat(names(List.of())).hasSize(33);
    }

    @Test
    void concurrentProcessesShareTheStore() throws Exception {
        // Separate JVMs: the file lock, not the in-process lock, must keep them apart.
        List<Process> processes = new ArrayList<>();
        for (int p = 0; p < 3; p++) {
            processes.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                    VolumeProcess.class.getName(), root.toString(), "p" + p)
                    .redirectErrorStream(true).start());
        }
        Map<String, String> outputs = new HashMap<>();
        for (int p = 0; p < processes.size(); p++) {
            Process process = processes.get(p);
            String output = new String(process.getInputStream().readAllBytes());
            outputs.put("p" + p, output);
            assertThat(process.waitFor()).as(output).isZero();
        }
        List<String> all = names(List.of());
        assertThat(all).contains("shared");
        for (int p = 0; p < 3; p++) {
            for (int i = 0; i < 10; i++) {
                assertThat(all).contains("p" + p + "-" + i);
            }
        }
        assertThat(all).hasSize(31);
        // every process saw the same "shared" volume
        assertThat(outputs.values().stream().map(String::strip).distinct()).hasSize(1);
    }
}
