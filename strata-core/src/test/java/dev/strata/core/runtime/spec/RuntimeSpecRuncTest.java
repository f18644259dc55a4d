package dev.strata.core.runtime.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated specs run by the real runc: what a process inside the container sees. */
@Tag("root")
class RuntimeSpecRuncTest {
    /** Docker's default capabilities as /proc/PID/status prints them. */
    static final String DOCKER_CAP_MASK = "00000000a80425fb";

    @TempDir
    Path dir;

    Path rootfs;
    Path bundle;
    Runc runc;
    final RuntimeSpecGenerator generator = new RuntimeSpecGenerator(HostLimits.current());

    @BeforeEach
    void setUp() throws Exception {
        rootfs = BusyboxRootfs.create(dir.resolve("rootfs"));
        bundle = Files.createDirectories(dir.resolve("bundle"));
        runc = new Runc(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        runc.close();
    }

    @Test
    void idShowsTheResolvedUserAndGroups() throws Exception {
        assertThat(id("")).isEqualTo("uid=0(root) gid=0(root) groups=0(root),10(wheel)");
        assertThat(id("1234:5678")).isEqualTo("uid=1234 gid=5678 groups=5678");
        assertThat(id("app:audio")).isEqualTo("uid=1000(app) gid=29(audio) groups=29(audio)");
        assertThat(id("app")).isEqualTo("uid=1000(app) gid=1000(app) groups=10(wheel),29(audio),1000(app)");
        assertThat(id("65534")).isEqualTo("uid=65534(nobody) gid=65534(nobody) groups=65534(nobody)");
    }

    @Test
    void processStartsInTheWorkingDirectoryWithHostnameAndEnvironment() throws Exception {
        Files.createDirectories(rootfs.resolve("srv/app"));
        Runc.Result r = run(spec(sh("pwd; hostname; env", "app", "/srv/./app/", List.of("GREETING=hi"))));

        assertThat(r.lines().subList(0, 2)).containsExactly("/srv/app", "c0ffee123456");
        assertThat(r.lines()).contains("HOSTNAME=c0ffee123456", "PATH=" + Environment.DEFAULT_PATH,
                "HOME=/home/app", "GREETING=hi");
        assertThat(r.stdout()).doesNotContain("TERM=");
    }

    @Test
    void terminalProcessGetsTerm() throws Exception {
        ProcessRequest process = new ProcessRequest(List.of("sh", "-c", "env; tty"), List.of(), "", "", true);
        writeConfig(spec(process));

        Runc.Result r = runc.runWithTerminal(bundle);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.lines()).contains("TERM=xterm", "HOME=/root", "HOSTNAME=c0ffee123456", "/dev/pts/0");
    }

    @Test
    void capabilitiesAreDockersForRootAndBoundedAlikeForOthers() throws Exception {
        String script = "grep -E '^Cap(Inh|Prm|Eff|Bnd|Amb)' /proc/self/status | tr -d '\\t'";
        assertThat(run(spec(sh(script, "", "", List.of()))).lines()).containsExactly(
                "CapInh:0000000000000000", "CapPrm:" + DOCKER_CAP_MASK, "CapEff:" + DOCKER_CAP_MASK,
                "CapBnd:" + DOCKER_CAP_MASK, "CapAmb:0000000000000000");
        assertThat(run(spec(sh(script, "app", "", List.of()))).lines()).containsExactly(
                "CapInh:0000000000000000", "CapPrm:0000000000000000", "CapEff:0000000000000000",
                "CapBnd:" + DOCKER_CAP_MASK, "CapAmb:0000000000000000");
    }

    @Test
    void readOnlyRootRefusesWritesButItsTmpfsMountsAccept() throws Exception {
        RuntimeSpecRequest request = new RuntimeSpecRequest(rootfs, true, "ro", sh(
                "touch /written 2>&1; echo $?; touch /dev/shm/ok /scratch/ok && echo tmpfs-ok", "", "", List.of()),
                List.of(MountRequest.tmpfs("/scratch", "size=1m")), new NetworkNamespace.Isolated(), Map.of());

        Runc.Result r = run(request);

        assertThat(r.stdout()).contains("Read-only file system").contains("tmpfs-ok");
        assertThat(r.lines()).contains("1");
        assertThat(rootfs.resolve("written")).doesNotExist();
    }

    @Test
    void bindMountsAreReadOnlyOrWritableAsAsked() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("ro-volume"));
        Files.writeString(readOnly.resolve("given"), "from the host\n");
        Path writable = Files.createDirectories(dir.resolve("rw-volume"));
        RuntimeSpecRequest request = new RuntimeSpecRequest(rootfs, false, "binds", sh(
                "cat /in/given; touch /in/new 2>&1; echo written > /out/result", "", "", List.of()),
                List.of(MountRequest.bind(readOnly, "/in", true), MountRequest.bind(writable, "/out", false)),
                new NetworkNamespace.Isolated(), Map.of());

        Runc.Result r = run(request);

        assertThat(r.lines()).contains("from the host");
        assertThat(r.stdout()).contains("Read-only file system");
        assertThat(readOnly.resolve("new")).doesNotExist();
        assertThat(writable.resolve("result")).hasContent("written");
    }

    @Test
    void tmpfsMountHasDockersFlagsAndTheUsersOptions() throws Exception {
        RuntimeSpecRequest request = new RuntimeSpecRequest(rootfs, false, "tmpfs",
                sh("grep ' /scratch ' /proc/self/mounts; echo data > /scratch/f && cat /scratch/f", "", "", List.of()),
                List.of(MountRequest.tmpfs("/scratch", "size=1m,mode=750")), new NetworkNamespace.Isolated(), Map.of());

        List<String> lines = run(request).lines();

        assertThat(lines.get(0)).startsWith("tmpfs /scratch tmpfs rw,nosuid,nodev,noexec")
                .contains("size=1024k").contains("mode=750");
        assertThat(lines.get(1)).isEqualTo("data");
    }

    @Test
    void kernelFilesAreMaskedOrReadOnly() throws Exception {
        // which masked paths exist depends on the kernel (this one may lack /proc/kcore): check those the host has
        List<String> present = DockerDefaults.MASKED_PATHS.stream().filter(p -> Files.exists(Path.of(p))).toList();
        assertThat(present).as("masked paths on this host").isNotEmpty();
        StringBuilder script = new StringBuilder();
        for (String path : present) {
            script.append(Files.isDirectory(Path.of(path)) ? "ls " + path + " | wc -l; " : "wc -c < " + path + "; ");
        }
        script.append("grep ' /proc/sys ' /proc/self/mountinfo | cut -d' ' -f6");

        Runc.Result r = run(spec(sh(script.toString(), "", "", List.of())));

        List<String> expected = new ArrayList<>(Collections.nCopies(present.size(), "0"));
        expected.add("ro,nosuid,nodev,noexec,relatime");
        assertThat(r.lines()).as(r.stderr()).isEqualTo(expected);
    }

    @Test
    void openFilesLimitIsDockersCappedByTheHost() throws Exception {
        long expected = Math.min(1L << 20, HostLimits.current().openFiles());

        assertThat(run(spec(sh("ulimit -n; ulimit -Hn", "", "", List.of()))).lines())
                .containsExactly(Long.toString(expected), Long.toString(expected));
    }

    @Test
    void devicesOutsideDockersListCannotBeOpened() throws Exception {
        Runc.Result r = run(spec(sh("head -c 3 /dev/zero | wc -c; mknod /tmp/mem c 1 1 && head -c 1 /tmp/mem",
                "", "", List.of())));

        assertThat(r.lines().get(0)).isEqualTo("3");
        assertThat(r.stdout() + r.stderr()).contains("Operation not permitted");
    }

    @Test
    void cgroupNamespaceHidesTheHostsCgroupPaths() throws Exception {
        List<String> lines = run(spec(sh("cat /proc/self/cgroup", "", "", List.of()))).lines();

        assertThat(lines).isNotEmpty().allSatisfy(line -> assertThat(line).endsWith(":/"));
    }

    @Test
    void isolatedNetworkHasOnlyLoopback() throws Exception {
        assertThat(interfaces(run(spec(sh("cat /proc/net/dev", "", "", List.of()))).stdout())).containsExactly("lo");
    }

    @Test
    void anyUserMayBindLowPortsInAnIsolatedNetwork() throws Exception {
        Runc.Result r = run(spec(sh("cat /proc/sys/net/ipv4/ip_unprivileged_port_start; "
                + "httpd -p 127.0.0.1:80 && echo bound", "app", "", List.of())));

        assertThat(r.lines()).as(r.stderr()).containsExactly("0", "bound");
    }

    @Test
    void hostNetworkShowsTheHostsInterfaces() throws Exception {
        RuntimeSpecRequest request = new RuntimeSpecRequest(rootfs, false, "host", sh("cat /proc/net/dev", "", "",
                List.of()), List.of(), new NetworkNamespace.Host(), Map.of());

        List<String> inside = interfaces(run(request).stdout());

        assertThat(inside).isEqualTo(interfaces(Files.readString(Path.of("/proc/net/dev")))).contains("lo");
    }

    @Test
    void joinedNetworkIsTheNamedNamespace() throws Exception {
        String name = "strata-spec-" + Long.toHexString(System.nanoTime());
        command("ip", "netns", "add", name);
        try {
            // a loopback MTU no fresh namespace has marks this one
            command("ip", "-n", name, "link", "set", "lo", "mtu", "1234");
            RuntimeSpecRequest request = new RuntimeSpecRequest(rootfs, false, "joined",
                    sh("cat /proc/net/dev; cat /sys/class/net/lo/mtu", "", "", List.of()), List.of(),
                    new NetworkNamespace.Joined(Path.of("/run/netns", name)), Map.of());

            Runc.Result r = run(request);

            assertThat(interfaces(r.stdout())).containsExactly("lo");
            assertThat(r.lines()).last().isEqualTo("1234");
        } finally {
            command("ip", "netns", "delete", name);
        }
    }

    @Test
    void execProcessRunsInTheContainerAsItsOwnUser() throws Exception {
        writeConfig(spec(new ProcessRequest(List.of("sleep", "600"), List.of(), "", "", false)));
        String id = runc.start(bundle);
        Path processFile = dir.resolve("process.json");
        Files.write(processFile, generator.processJson(rootfs, "c0ffee123456",
                new ProcessRequest(List.of("sh", "-c", "id; pwd; echo $HOME $HOSTNAME"), List.of(), "/home/app",
                        "app", false)));

        Runc.Result r = runc.exec(id, processFile);

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.lines()).containsExactly("uid=1000(app) gid=1000(app) groups=10(wheel),29(audio),1000(app)", "/home/app",
                "/home/app c0ffee123456");
    }

    private String id(String user) throws Exception {
        List<String> lines = run(spec(new ProcessRequest(List.of("id"), List.of(), "", user, false))).lines();
        assertThat(lines).hasSize(1);
        return lines.getFirst();
    }

    private static ProcessRequest sh(String script, String user, String workingDir, List<String> env) {
        return new ProcessRequest(List.of("sh", "-c", script), env, workingDir, user, false);
    }

    private RuntimeSpecRequest spec(ProcessRequest process) {
        return new RuntimeSpecRequest(rootfs, false, "c0ffee123456", process, List.of(),
                new NetworkNamespace.Isolated(), Map.of());
    }

    private Runc.Result run(RuntimeSpecRequest request) throws Exception {
        writeConfig(request);
        Runc.Result r = runc.run(bundle);
        assertThat(r.stderr()).as("runc's stderr").doesNotContain("level=error");
        return r;
    }

    private void writeConfig(RuntimeSpecRequest request) throws Exception {
        Files.write(bundle.resolve("config.json"), generator.configJson(request));
    }

    /** Interface names from the text of /proc/net/dev. */
    private static List<String> interfaces(String procNetDev) {
        return procNetDev.lines().skip(2).filter(l -> l.contains(":"))
                .map(l -> l.substring(0, l.indexOf(':')).strip()).sorted().toList();
    }

    private static void command(String... args) throws Exception {
        Process p = new ProcessBuilder(args).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as("%s: %s", List.of(args), output).isZero();
    }
}
