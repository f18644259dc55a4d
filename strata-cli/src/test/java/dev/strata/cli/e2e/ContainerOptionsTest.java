package dev.strata.cli.e2e;

import static dev.strata.cli.e2e.ContainerTests.inspect;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every {@code run} option, end to end through real runc, conmon and slirp4netns, against what Docker does. */
@Tag("root")
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // a hang fails
class ContainerOptionsTest extends ContainerTestCase {

    @Test
    void environmentComesFromTheImageFlagsFilesAndTheCallersEnvironment() throws Exception {
        Path envFile = Files.writeString(dir.resolve("env.list"), "# a comment\n\nFROM_FILE=file value\nHOST_VAR\n"
                + "OVERRIDDEN=from file\n");
        StrataRunner caller = strata.withEnv(Map.of("HOST_VAR", "from host", "OTHER", "not passed"));

        List<String> env = caller.ok("run", "--rm", "--env-file", envFile.toString(), "-e", "PLAIN=a=b",
                "-e", "HOST_VAR", "-e", "UNSET_ON_HOST", "-e", "OVERRIDDEN=from flag", "busybox", "env").lines();

        assertThat(env).contains("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", "FROM_FILE=file value", "HOST_VAR=from host", "PLAIN=a=b",
                "OVERRIDDEN=from flag", "HOME=/root");
        assertThat(env).noneMatch(e -> e.startsWith("UNSET_ON_HOST")).noneMatch(e -> e.startsWith("OTHER="))
                .filteredOn(e -> e.startsWith("HOSTNAME=")).singleElement().asString().matches("HOSTNAME=[0-9a-f]{12}");
        StrataRunner.Result missing = strata.run("run", "--rm", "--env-file", dir.resolve("nope").toString(), "busybox");
        assertThat(missing.exitCode()).isEqualTo(125);
        assertThat(missing.err()).contains("no such file or directory");
    }

    @Test
    void workingDirectoryIsCreatedWhenMissing() {
        assertThat(strata.ok("run", "--rm", "-w", "/new/work/dir", "busybox", "sh", "-c", "pwd; ls -d /new/work").out())
                .isEqualTo("/new/work/dir\n/new/work\n");
        assertThat(strata.ok("run", "--rm", "--workdir", "/etc", "busybox", "pwd").out()).isEqualTo("/etc\n");
    }

    @Test
    void userByUidUidGidAndName() {
        String ids = "echo $(id -u) $(id -g) $(id -un) $(id -G) $HOME";
        assertThat(strata.ok("run", "--rm", "busybox", "sh", "-c", ids).out()).isEqualTo("0 0 root 0 /root\n");
        assertThat(strata.ok("run", "--rm", "-u", "1000", "busybox", "sh", "-c", ids).out())
                .isEqualTo("1000 1000 app 1000 50 /home/app\n");
        assertThat(strata.ok("run", "--rm", "-u", "app", "busybox", "sh", "-c", ids).out())
                .isEqualTo("1000 1000 app 1000 50 /home/app\n");
        assertThat(strata.ok("run", "--rm", "-u", "1000:65534", "busybox", "sh", "-c", "echo $(id -u) $(id -g)").out())
                .isEqualTo("1000 65534\n");
        assertThat(strata.ok("run", "--rm", "--user", "nobody:staff", "busybox", "sh", "-c", "echo $(id -u) $(id -g)").out())
                .isEqualTo("65534 50\n");
        // a UID the image does not know runs with group 0, as in Docker
        assertThat(strata.ok("run", "--rm", "-u", "4242", "busybox", "sh", "-c", "echo $(id -u) $(id -g)").out())
                .isEqualTo("4242 0\n");
        StrataRunner.Result unknown = strata.run("run", "--rm", "-u", "ghost", "busybox", "true");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("unable to find user ghost");
    }

    @Test
    void entrypointReplacesTheImagesAndAnEmptyOneClearsIt() throws Exception {
        strata.ok("import", "-c", "ENTRYPOINT [\"echo\", \"from-entrypoint\"]", "-c", "CMD [\"default-arg\"]",
                TestImages.busyboxTar(dir).toString(), "echoer:1");

        assertThat(strata.ok("run", "--rm", "echoer:1").out()).isEqualTo("from-entrypoint default-arg\n");
        assertThat(strata.ok("run", "--rm", "echoer:1", "given").out()).isEqualTo("from-entrypoint given\n");
        assertThat(strata.ok("run", "--rm", "--entrypoint", "hostname", "-h", "box", "echoer:1").out()).isEqualTo("box\n");
        assertThat(strata.ok("run", "--rm", "--entrypoint", "", "echoer:1", "echo", "plain").out()).isEqualTo("plain\n");
        strata.ok("create", "--name", "cleared", "--entrypoint", "", "echoer:1", "true");
        JsonNode config = inspect(strata, "cleared").get("Config");
        assertThat(config.get("Entrypoint").isNull()).isTrue();
        assertThat(config.get("Cmd").toString()).isEqualTo("[\"true\"]");
        assertThat(inspect(strata, "cleared").get("Path").asText()).isEqualTo("true");
    }

    @Test
    void hostnameIsSetAndWrittenToEtc() {
        assertThat(strata.ok("run", "--rm", "-h", "web01", "busybox", "sh", "-c", "hostname; cat /etc/hostname").out())
                .isEqualTo("web01\nweb01\n");
        assertThat(strata.ok("run", "--rm", "--hostname", "db01", "busybox", "cat", "/etc/hosts").out()).contains("db01");
    }

    @Test
    void labelsShowInInspectAndFilterPs() {
        strata.ok("create", "--name", "labelled", "-l", "tier=web", "--label", "flag", "busybox");
        strata.ok("create", "--name", "other", "-l", "tier=db", "busybox");

        assertThat(inspect(strata, "labelled").get("Config").get("Labels").toString()).isEqualTo("{\"flag\":\"\",\"tier\":\"web\"}");
        assertThat(strata.ok("ps", "-a", "--filter", "label=tier=web", "--format", "{{.Names}}").out()).isEqualTo("labelled\n");
        assertThat(strata.ok("ps", "-a", "--filter", "label=flag", "--format", "{{.Names}}").out()).isEqualTo("labelled\n");
        assertThat(strata.ok("ps", "-a", "--filter", "label=tier", "--format", "{{.Names}}").lines())
                .containsExactlyInAnyOrder("labelled", "other");
        assertThat(strata.ok("ps", "-a", "--filter", "label=tier=cache", "-q").out()).isEmpty();
        assertThat(strata.ok("ps", "-a", "--filter", "name=labelled", "--format", "{{.Labels}}").out())
                .isEqualTo("flag=,tier=web\n");
    }

    @Test
    void readOnlyRootStillHasWritableTmpfsAndVolumes() {
        StrataRunner.Result refused = strata.run("run", "--rm", "--read-only", "busybox", "touch", "/file");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("Read-only file system");

        assertThat(strata.ok("run", "--rm", "--read-only", "--tmpfs", "/scratch", "-v", "data:/data", "busybox", "sh", "-c",
                "touch /scratch/a /data/b && ls /scratch /data").out()).isEqualTo("/data:\nb\n\n/scratch:\na\n");
        strata.ok("create", "--name", "ro", "--read-only", "busybox");
        assertThat(inspect(strata, "ro").get("HostConfig").get("ReadonlyRootfs").asBoolean()).isTrue();
    }

    @Test
    void tmpfsIsAFreshMemoryFileSystemLeftOutOfTheContainersChanges() {
        String first = strata.ok("run", "--name", "tmp", "--tmpfs", "/t", "busybox", "sh", "-c",
                "ls /t; grep ' /t ' /proc/mounts > /t/mount; cat /t/mount; echo kept > /kept").out();
        assertThat(first).startsWith("tmpfs /t tmpfs rw,nosuid,nodev,noexec");
        assertThat(strata.ok("diff", "tmp").lines()).contains("A /kept").noneMatch(l -> l.contains("/t/"));
        // a new start gets an empty tmpfs again
        assertThat(strata.ok("start", "-a", "tmp").out()).isEqualTo(first);
        assertThat(inspect(strata, "tmp").get("HostConfig").get("Tmpfs").has("/t")).isTrue();
    }

    @Test
    void mountFlagBindsVolumesAndTmpfs() throws Exception {
        Path host = Files.createDirectory(dir.resolve("host"));
        Files.writeString(host.resolve("in"), "from host\n");

        String out = strata.ok("run", "--name", "mounter",
                "--mount", "type=bind,source=" + host + ",target=/bound",
                "--mount", "type=bind,src=" + host + ",dst=/bound-ro,readonly",
                "--mount", "type=volume,source=vol,target=/vol",
                "--mount", "type=tmpfs,destination=/mem,tmpfs-size=1m",
                "busybox", "sh", "-c", "cat /bound/in; echo out > /bound/out; echo v > /vol/v;"
                        + " touch /bound-ro/x 2>/dev/null || echo ro refused; grep ' /mem ' /proc/mounts").out();

        assertThat(out).startsWith("from host\nro refused\ntmpfs /mem tmpfs ").contains("size=1024k");
        assertThat(host.resolve("out")).hasContent("out");
        assertThat(host.resolve("x")).doesNotExist();
        assertThat(strata.ok("run", "--rm", "--mount", "source=vol,target=/again", "busybox", "cat", "/again/v").out())
                .isEqualTo("v\n");
        JsonNode mounts = inspect(strata, "mounter").get("Mounts");
        assertThat(mounts).extracting(m -> m.get("Type").asText() + " " + m.get("Destination").asText() + " "
                + m.get("RW").asBoolean()).containsExactlyInAnyOrder("bind /bound true", "bind /bound-ro false",
                "volume /vol true", "tmpfs /mem true");
    }

    @Test
    void networkModesDecideWhichInterfacesTheContainerSees() throws Exception {
        assertThat(interfaces("none")).containsExactly("lo");
        // the loopback interface is up (IFF_UP | IFF_LOOPBACK) in a namespace runc made as in one Strata made
        assertThat(strata.ok("run", "--rm", "--network", "none", "busybox", "cat", "/sys/class/net/lo/flags").out())
                .isEqualTo("0x9\n");
        assertThat(interfaces("slirp4netns")).containsExactly("lo", "tap0");
        assertThat(interfaces(null)).containsExactly("lo", "tap0");
        assertThat(interfaces("host")).isEqualTo(interfacesOf(Files.readString(Path.of("/proc/net/dev"))));
        strata.ok("create", "--name", "isolated", "--network", "none", "busybox");
        assertThat(inspect(strata, "isolated").get("HostConfig").get("NetworkMode").asText()).isEqualTo("none");
    }

    private Set<String> interfaces(String network) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "--rm"));
        if (network != null) {
            args.addAll(List.of("--network", network));
        }
        args.addAll(List.of("busybox", "cat", "/proc/net/dev"));
        return interfacesOf(strata.ok(args.toArray(String[]::new)).out());
    }

    private static Set<String> interfacesOf(String procNetDev) {
        Set<String> names = new TreeSet<>();
        for (String line : procNetDev.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && !line.contains("|")) {
                names.add(line.substring(0, colon).strip());
            }
        }
        return names;
    }

    @Test
    void publishAllMapsTheImagesExposedPortsToFreeHostPorts() throws Exception {
        strata.ok("import", "-c", "EXPOSE 8080", "-c", "CMD [\"httpd\", \"-f\", \"-p\", \"8080\", \"-h\", \"/etc\"]",
                TestImages.busyboxTar(dir).toString(), "web:1");

        String id = strata.ok("run", "-d", "--name", "web", "-P", "web:1").out().strip();
        assertThat(ContainerTests.sharedApiSocket(id)).exists();

        JsonNode inspected = inspect(strata, "web");
        assertThat(inspected.get("HostConfig").get("PublishAllPorts").asBoolean()).isTrue();
        JsonNode binding = inspected.get("NetworkSettings").get("Ports").get("8080/tcp").get(0);
        int port = Integer.parseInt(binding.get("HostPort").asText());
        assertThat(port).isPositive();
        ContainerTests.eventually("httpd answers", () -> {
            try {
                return ContainerTests.fetch(port, "/passwd") == 200;
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(strata.ok("ps", "--format", "{{.Ports}}").out()).isEqualTo(binding.get("HostIp").asText() + ":"
                + port + "->8080/tcp\n");
        assertThat(strata.ok("ps", "--filter", "publish=8080", "-q").lines()).hasSize(1);
        assertThat(strata.ok("ps", "--filter", "publish=8080/udp", "-q").lines()).isEmpty();
        assertThat(strata.ok("ps", "--filter", "expose=8080/tcp", "-q").lines()).hasSize(1);
        strata.ok("stop", "-t", "0", "web");
        assertThat(ContainerTests.sharedApiSocket(id)).doesNotExist();
    }

    @Test
    void removeOnExitRemovesADetachedContainerAndItsAnonymousVolumes() throws Exception {
        String id = strata.ok("run", "-d", "--rm", "-v", "/anon", "-v", "kept:/kept", "busybox", "sh", "-c", "exit 3")
                .out().strip();

        ContainerTests.eventually("the container is removed",
                () -> !strata.ok("ps", "-a", "-q", "--no-trunc").out().contains(id));
        // its record goes first (a volume is in use while a record names it), then its anonymous volumes
        ContainerTests.eventually("the anonymous volume is removed",
                () -> strata.ok("volume", "ls", "-q").lines().equals(List.of("kept")));
        assertThat(strata.root().resolve("containers").resolve(id)).doesNotExist();

        // stopped rather than ended by itself, it goes too
        strata.ok("run", "-d", "--rm", "--name", "stopped", "busybox", "sleep", "100");
        assertThat(strata.ok("stop", "-t", "0", "stopped").out()).isEqualTo("stopped\n");
        ContainerTests.eventually("the stopped container is removed", () -> strata.ok("ps", "-a", "-q").out().isEmpty());
    }

    @Test
    void interactiveRunPassesStdinThrough() {
        byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
        assertThat(strata.runWithInput(input, "run", "--rm", "-i", "busybox", "cat").out()).isEqualTo("line one\nline two\n");
        assertThat(strata.runWithInput(input, "run", "--rm", "-i", "busybox", "wc", "-l").out().strip()).isEqualTo("2");
        // without -i the container's stdin is empty
        assertThat(strata.runWithInput(input, "run", "--rm", "busybox", "cat").out()).isEmpty();
    }

    @Test
    void aTerminalNeedsATerminalForInputButNotForOutput() {
        StrataRunner.Result refused = strata.run("run", "-it", "busybox", "sh");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).isEqualTo("Error: the input device is not a TTY\n");
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();

        // -t alone: the output comes through the container's terminal, which ends lines with CR LF
        assertThat(strata.ok("run", "--rm", "-t", "busybox", "sh", "-c", "tty; echo err >&2").out())
                .isEqualTo("/dev/pts/0\r\nerr\r\n");
        String id = strata.ok("run", "-d", "busybox", "sleep", "100").out().strip();
        assertThat(strata.run("exec", "-it", id, "sh").err()).isEqualTo("Error: the input device is not a TTY\n");
    }

    @Test
    void imageVolumeIsAnAnonymousVolumeFilledFromTheImageAndLeftOutOfCommits() throws Exception {
        Path rootfs = TestImages.busyboxTar(dir, "with-data.tar", Map.of("data/seed", "from image\n"));
        strata.ok("import", "-c", "VOLUME /data", rootfs.toString(), "seeded:1");

        assertThat(strata.ok("run", "--name", "writer", "seeded:1", "sh", "-c",
                "cat /data/seed; echo added > /data/added; echo layer > /layerfile").out()).isEqualTo("from image\n");

        JsonNode mount = inspect(strata, "writer").get("Mounts").get(0);
        assertThat(mount.get("Type").asText()).isEqualTo("volume");
        assertThat(mount.get("Destination").asText()).isEqualTo("/data");
        String volume = mount.get("Name").asText();
        assertThat(volume).matches("[0-9a-f]{64}");
        assertThat(Path.of(mount.get("Source").asText()).resolve("added")).hasContent("added");
        assertThat(strata.ok("diff", "writer").lines()).contains("A /layerfile").noneMatch(l -> l.contains("added"));

        strata.ok("commit", "writer", "seeded:2");
        assertThat(strata.ok("run", "--rm", "seeded:2", "sh", "-c", "cat /layerfile; ls /data").out())
                .isEqualTo("layer\nseed\n");
        assertThat(strata.ok("volume", "ls", "-q").lines()).contains(volume);
    }

    @Test
    void stopSignalAndStopTimeoutAreHonoured() throws Exception {
        strata.ok("run", "-d", "--name", "trapper", "--stop-signal", "SIGUSR1", "busybox", "sh", "-c",
                "trap 'echo got usr1; exit 7' USR1; echo ready; while true; do sleep 0.1; done");
        ContainerTests.eventually("the trap is set", () -> strata.ok("logs", "trapper").out().contains("ready"));
        assertThat(inspect(strata, "trapper").get("Config").get("StopSignal").asText()).isEqualTo("SIGUSR1");

        assertThat(strata.ok("stop", "trapper").out()).isEqualTo("trapper\n");

        assertThat(strata.ok("logs", "trapper").out()).isEqualTo("ready\ngot usr1\n");
        assertThat(inspect(strata, "trapper").get("State").get("ExitCode").asInt()).isEqualTo(7);

        StrataRunner.Result badSignal = strata.run("run", "-d", "--stop-signal", "SIGNOPE", "busybox", "sleep", "1");
        assertThat(badSignal.exitCode()).isEqualTo(125);
        assertThat(badSignal.err()).isEqualTo("Error: Invalid signal: SIGNOPE\n");
        assertThat(strata.ok("ps", "-a", "-q").lines()).hasSize(1);

        // PID 1 ignores SIGTERM it has no handler for: after --stop-timeout the container is killed
        strata.ok("run", "-d", "--name", "stubborn", "--stop-timeout", "1", "busybox", "sleep", "100");
        assertThat(inspect(strata, "stubborn").get("Config").get("StopTimeout").asInt()).isEqualTo(1);
        strata.ok("stop", "stubborn");
        JsonNode state = inspect(strata, "stubborn").get("State");
        assertThat(state.get("Status").asText()).isEqualTo("exited");
        assertThat(state.get("ExitCode").asInt()).isEqualTo(137);
    }
}
