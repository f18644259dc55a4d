package dev.strata.cli.e2e;

import static dev.strata.cli.e2e.ContainerFixtures.awaitContainerDirectory;
import static dev.strata.cli.e2e.ContainerFixtures.awaitFileIn;
import static dev.strata.cli.e2e.ContainerFixtures.awaitScratchFiles;
import static dev.strata.cli.e2e.ContainerFixtures.awaitStatus;
import static dev.strata.cli.e2e.ContainerFixtures.concat;
import static dev.strata.cli.e2e.ContainerTests.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Containers under faults: a strata process killed with SIGKILL mid-run or mid-commit, removal in every state,
 * signals, and two strata processes racing over one container. Real runc, conmon and slirp4netns; nothing may be
 * left on the host afterwards. Bad input is {@link ContainerBadInputTest}'s.
 */
@Tag("root")
class ContainerFaultTest {
    private static final Pattern NETWORK_PID = Pattern.compile("\"NetworkPid\"\\s*:\\s*(\\d+)");

    @TempDir
    Path dir;

    Path root;
    StrataRunner strata;

    @BeforeEach
    void setUp() throws Exception {
        strata = ContainerFixtures.storeWithBusybox(dir);
        root = strata.root();
    }

    @AfterEach
    void removeContainers() throws Exception {
        ContainerFixtures.removeAll(strata);
    }

    @ParameterizedTest(name = "detached={0}")
    @ValueSource(booleans = {false, true})
    void aKilledStrataLeavesItsContainerRunningAndTheMonitorCleansUp(boolean detached) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--name", "survivor", "-p", "127.0.0.1:" + freePort() + ":80"));
        if (detached) {
            args.add("-d");
        }
        args.addAll(List.of("busybox", "sh", "-c", "sleep 5; echo done > /f"));
        StrataProcess run = StrataProcess.start(root, dir, args.toArray(String[]::new));
        String id = awaitStatus(strata, "survivor", "running", run);
        int slirp = networkPid(id);

        run.kill();

        assertThat(strata.ok("ps", "--format", "{{.Names}} {{.Status}}").out()).startsWith("survivor Up");
        assertThat(HostTraces.isRunning(slirp, "slirp4netns")).isTrue();
        assertThat(strata.ok("wait", "survivor").out()).isEqualTo("0\n");
        HostTraces.awaitNone(root);
        assertThat(strata.ok("ps", "-a", "--format", "{{.Names}} {{.Status}}").out()).startsWith("survivor Exited (0)");
        assertThat(strata.ok("diff", "survivor").lines()).contains("A /f");
        assertThat(HostTraces.isRunning(slirp, "slirp4netns")).isFalse();
        assertNoSlirpSocket(id);
    }

    @Test
    void aRunKilledAtAnyPointLeavesNothingThatRmCannotTake() throws Exception {
        // a whole run first: how long one takes here, so that the kills below fall inside one
        StrataProcess whole = StrataProcess.start(root, dir, "run", "-d", "--name", "whole", "-p",
                "127.0.0.1:" + freePort() + ":80", "busybox", "sleep", "100");
        awaitContainerDirectory(root, whole);
        long started = System.nanoTime();
        assertThat(whole.await()).as(whole.output()).isZero();
        int span = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        strata.ok("rm", "-f", "whole");
        HostTraces.awaitNone(root);
        List<String> before = StoreState.visible(root);
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 4; round++) {
            StrataProcess run = StrataProcess.start(root, dir, "run", "-d", "--name", "interrupted", "-p",
                    "127.0.0.1:" + freePort() + ":80", "busybox", "sleep", "100");
            awaitContainerDirectory(root, run);
            int delay = random.nextInt(span + span / 5);
            Thread.sleep(delay);
            run.kill();

            String when = "killed " + delay + " of " + span + " ms in (seed " + seed + ")";
            if (!strata.ok("ps", "-a", "-q").out().isEmpty()) {
                strata.ok("rm", "-f", "interrupted");
            }
            HostTraces.awaitNone(root);
            // a container killed while it was being made is hidden, and goes at the next create
            assertThat(StoreState.visible(root)).as(when).filteredOn(p -> !p.startsWith("containers/.new-"))
                    .isEqualTo(before);
        }
        strata.ok("run", "--rm", "--name", "interrupted", "-p", "127.0.0.1:" + freePort() + ":80", "busybox", "true");
        assertThat(StoreState.visible(root)).isEqualTo(before);
    }

    @Test
    void aKilledCommitLeavesNoHalfImageAndCommitWorksAfter() throws Exception {
        strata.ok("run", "--name", "many", "busybox", "sh", "-c",
                "mkdir /d && cd /d && i=0; while [ $i -lt 20000 ]; do echo $i > f$i; i=$((i+1)); done");
        List<String> before = StoreState.visible(root);
        // a whole commit first: how long one takes here, so that the kills below fall inside one
        StrataProcess whole = StrataProcess.start(root, dir, "commit", "many", "many:whole");
        awaitScratchFiles(root, whole);
        long started = System.nanoTime();
        assertThat(whole.await()).as(whole.output()).isZero();
        int span = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertOneImageAdded(before, StoreState.visible(root), "many:whole", "the whole commit");
        long seed = System.nanoTime();
        Random random = new Random(seed);
        before = StoreState.visible(root);
        for (int round = 0; round < 3; round++) {
            String tag = "many:" + round;
            StrataProcess commit = StrataProcess.start(root, dir, "commit", "many", tag);
            awaitScratchFiles(root, commit);
            int delay = random.nextInt(span + span / 5);
            Thread.sleep(delay);
            commit.kill();

            List<String> after = StoreState.visible(root);
            String when = "killed " + delay + " of " + span + " ms in (seed " + seed + ")";
            if (strata.ok("images", "--format", "{{.Repository}}:{{.Tag}}").lines().contains(tag)) {
                assertOneImageAdded(before, after, tag, when);
                before = StoreState.visible(root);
            } else {
                assertThat(after).as(when).isEqualTo(before);
            }
        }
        strata.ok("commit", "many", "many:again");
        assertThat(countFiles("many:again")).isEqualTo("20000");
        assertThat(StoreState.leftovers(root)).isEmpty();
    }

    /**
     * The commit of a stopped container takes its writable layer whole: killed at any point, the container still
     * has every change (diff reads them wherever they are, cp copies them back first) and a later commit works.
     */
    @Test
    void aKilledCommitOfAStoppedContainerLeavesItsChangesWhole() throws Exception {
        String script = "mkdir /d && cd /d && i=0; while [ $i -lt 5000 ]; do echo $i > f$i; i=$((i+1)); done";
        strata.ok("run", "--name", "timed", "busybox", "sh", "-c", script);
        StrataProcess whole = StrataProcess.start(root, dir, "commit", "timed", "timed:whole");
        awaitScratchFiles(root, whole);
        long started = System.nanoTime();
        assertThat(whole.await()).as(whole.output()).isZero();
        int span = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        long seed = System.nanoTime();
        Random random = new Random(seed);
        for (int round = 0; round < 3; round++) {
            String name = "fresh" + round;
            strata.ok("run", "--name", name, "busybox", "sh", "-c", script);
            String changes = strata.ok("diff", name).out();
            assertThat(changes.lines().count()).isEqualTo(5001); // /d and its 5,000 files
            StrataProcess commit = StrataProcess.start(root, dir, "commit", name, name + ":killed");
            awaitScratchFiles(root, commit);
            int delay = random.nextInt(span + span / 5);
            Thread.sleep(delay);
            commit.kill();

            String when = "killed " + delay + " of " + span + " ms in (seed " + seed + ")";
            assertThat(strata.ok("diff", name).out()).as(when).isEqualTo(changes);
            assertThat(strata.ok("cp", name + ":/d/f4999", "-").out()).as(when).contains("4999");
            strata.ok("commit", name, name + ":again");
            assertThat(countFiles(name + ":again")).as(when).isEqualTo("5000");
            assertThat(strata.ok("diff", name).out()).as(when).isEqualTo(changes);
        }
        assertThat(StoreState.leftovers(root)).isEmpty();
    }

    /**
     * A container that fills the disk: its monitor cannot record the exit code, and an attached {@code run}, which
     * waits for that code or for the monitor's end, must still end (it once waited for ever, and the monitor with it,
     * each for the other). The store is on a small tmpfs of its own.
     */
    @Test
    void aRunOnAFullDiskEndsWithAnError() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        exec("mount", "-t", "tmpfs", "-o", "size=48m", "strata-test-full", small.toString());
        try {
            StrataRunner full = ContainerFixtures.storeWithBusybox(small);
            StrataProcess run = StrataProcess.start(full.root(), dir, "run", "--name", "filler", "--network", "none",
                    "busybox", "sh", "-c", "dd if=/dev/zero of=/fill bs=1M; exit 3");
            assertThat(run.await()).as(run.output()).isNotZero();
            try (var upper = Files.find(full.root().resolve("containers"), 3,
                    (p, a) -> p.getFileName().toString().equals("fill"))) {
                for (Path fill : upper.toList()) {
                    Files.delete(fill); // room for the clean-up's own records
                }
            }
            ContainerFixtures.removeAll(full);
        } finally {
            exec("umount", "-l", small.toString());
        }
    }

    private static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    }

    /** States a container can be removed in; each has a bind, two volumes, a tmpfs and a published port. */
    enum Removal { RUNNING, PAUSED, STOPPED, EXITED }

    @ParameterizedTest
    @EnumSource(Removal.class)
    void rmLeavesNoMountNoProcessAndNoNamespace(Removal state) throws Exception {
        Path host = Files.createDirectory(dir.resolve("bound"));
        Files.writeString(host.resolve("keep"), "kept");
        String name = "rm-" + state.name().toLowerCase();
        List<String> volumesBefore = strata.ok("volume", "ls", "-q").lines();
        String command = state == Removal.EXITED ? "echo named > /named/f; touch /bound/ran" : "sleep 100";
        String id = strata.ok("run", "-d", "--name", name, "-v", host + ":/bound", "-v", name + "-vol:/named",
                "-v", "/anon", "--tmpfs", "/scratch", "-p", "127.0.0.1:" + freePort() + ":80",
                "busybox", "sh", "-c", command).out().strip();
        int slirp = networkPid(id);
        assertThat(HostTraces.mountsUnder(root)).isNotEmpty();
        switch (state) {
            case RUNNING -> {
                assertThat(strata.run("rm", name).err()).contains("container is running");
                assertThat(strata.ok("inspect", "-f", "{{.State.Status}}", name).out()).isEqualTo("running\n");
            }
            case PAUSED -> strata.ok("pause", name);
            case STOPPED -> strata.ok("stop", "-t", "0", name);
            case EXITED -> assertThat(strata.ok("wait", name).out()).isEqualTo("0\n");
        }

        boolean active = state == Removal.RUNNING || state == Removal.PAUSED;
        strata.ok(active ? new String[] {"rm", "-f", "-v", name} : new String[] {"rm", "-v", name});

        HostTraces.awaitNone(root);
        assertThat(HostTraces.isRunning(slirp, "slirp4netns")).isFalse();
        assertNoSlirpSocket(id);
        assertThat(root.resolve("containers").resolve(id)).doesNotExist();
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        assertThat(strata.ok("volume", "ls", "-q").lines()).containsExactlyInAnyOrder(
                concat(volumesBefore, name + "-vol"));
        assertThat(host.resolve("keep")).hasContent("kept");
    }

    @Test
    void aSignalledContainerExitsWith128PlusTheSignal() throws Exception {
        strata.ok("run", "-d", "--name", "trapper", "busybox", "sh", "-c",
                "trap 'exit 143' TERM; touch /ready; sleep 100 & wait");
        awaitFileIn(strata, "trapper", "/ready");
        strata.ok("kill", "-s", "TERM", "trapper");
        assertThat(strata.ok("wait", "trapper").out()).isEqualTo("143\n");
        assertThat(strata.ok("ps", "-a", "--format", "{{.Status}}", "-f", "name=trapper").out()).startsWith("Exited (143)");

        // sleep as PID 1 has no handler for SIGTERM, so the kernel drops it: stop ends it with SIGKILL
        strata.ok("run", "-d", "--name", "stubborn", "busybox", "sleep", "100");
        strata.ok("stop", "-t", "1", "stubborn");
        assertThat(strata.ok("inspect", "-f", "{{.State.ExitCode}}", "stubborn").out()).isEqualTo("137\n");
        assertThat(strata.ok("ps", "-a", "--format", "{{.Status}}", "-f", "name=stubborn").out()).startsWith("Exited (137)");
    }

    @Test
    void twoStrataProcessesOnOneContainerTakeTurns() throws Exception {
        strata.ok("create", "--name", "contested", "-p", "127.0.0.1:" + freePort() + ":80", "busybox", "sleep",
                "100");
        String id = strata.ok("inspect", "-f", "{{.Id}}", "contested").out().strip();

        race(List.of("start", "contested"), List.of("start", "contested"));
        assertThat(status("contested")).isEqualTo("running");
        assertThat(HostTraces.processesMentioning(id).stream().filter(p -> p.contains("conmon")).toList()).hasSize(1);

        race(List.of("stop", "-t", "0", "contested"), List.of("stop", "-t", "0", "contested"));
        assertThat(status("contested")).isEqualTo("exited");
        HostTraces.awaitNone(root);

        race(List.of("start", "contested"), List.of("stop", "-t", "0", "contested"));
        assertConsistent("contested");

        race(List.of("rm", "-f", "contested"), List.of("rm", "-f", "contested"));
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        HostTraces.awaitNone(root);

        for (int round = 0; round < 3; round++) {
            strata.ok("create", "--name", "doomed", "-p", "127.0.0.1:" + freePort() + ":80", "busybox", "sleep", "100");
            race(List.of("start", "doomed"), List.of("rm", "-f", "doomed"));
            assertThat(strata.ok("ps", "-a", "-q").out()).as("round " + round).isEmpty();
            HostTraces.awaitNone(root);
        }
    }

    /** Runs two strata processes at once: each succeeds or refuses cleanly (No such container), none crashes. */
    private void race(List<String> first, List<String> second) throws Exception {
        StrataProcess a = StrataProcess.start(root, dir, first.toArray(String[]::new));
        StrataProcess b = StrataProcess.start(root, dir, second.toArray(String[]::new));
        int codeA = a.await();
        int codeB = b.await();
        for (var p : List.of(java.util.Map.entry(a, codeA), java.util.Map.entry(b, codeB))) {
            String output = p.getKey().output();
            assertThat(output).as(p.getKey().toString()).doesNotContain("Exception").doesNotContain("\tat ");
            if (p.getValue() != 0) {
                assertThat(p.getValue()).as(p.getKey() + ": " + output).isEqualTo(1);
                assertThat(output).as(p.getKey().toString()).contains("No such container");
            }
        }
        assertThat(codeA == 0 || codeB == 0).as(a + ": " + a.output() + b + ": " + b.output()).isTrue();
    }

    /** Running with its monitor and mounts, or ended with nothing left. */
    private void assertConsistent(String name) throws Exception {
        String id = strata.ok("inspect", "-f", "{{.Id}}", name).out().strip();
        if (status(name).equals("running")) {
            assertThat(HostTraces.processesMentioning(id)).anyMatch(p -> p.contains("conmon"));
            assertThat(HostTraces.mountsUnder(root.resolve("containers").resolve(id))).isNotEmpty();
        } else {
            assertThat(status(name)).isEqualTo("exited");
            HostTraces.awaitNone(root);
        }
    }

    private String status(String name) {
        return strata.ok("inspect", "-f", "{{.State.Status}}", name).out().strip();
    }

    /**
     * What a commit added to the store is one image's: config, manifest, and the layer unless it was there. A stopped
     * container's commit also leaves it the note naming the snapshot its writable layer became.
     */
    private void assertOneImageAdded(List<String> before, List<String> after, String tag, String when) {
        List<String> added = after.stream().filter(p -> !before.contains(p))
                .filter(p -> !p.matches("containers/[0-9a-f]{64}/upper-snapshot")).toList();
        List<String> blobs = added.stream().filter(p -> p.startsWith("blobs/sha256/")).toList();
        List<String> snapshots = added.stream().filter(p -> p.startsWith("snapshots/"))
                .map(p -> p.split("/")[1]).distinct().toList();
        String id = strata.ok("inspect", "-f", "{{.Id}}", tag).out().strip();
        assertThat(added).as(when).allMatch(p -> p.startsWith("blobs/") || p.startsWith("snapshots/"));
        assertThat(blobs).as(when).contains("blobs/sha256/" + id.substring("sha256:".length()));
        // the layer is the same at every commit of an unchanged container: only the first adds it and its snapshot
        assertThat(blobs.size() == 3 && snapshots.size() == 1 || blobs.size() == 2 && snapshots.isEmpty())
                .as(when + ": added " + blobs + " " + snapshots).isTrue();
    }

    private String countFiles(String image) {
        return strata.ok("run", "--rm", image, "sh", "-c", "ls /d | grep -c f").out().strip();
    }

    private int networkPid(String id) throws Exception {
        Matcher m = NETWORK_PID.matcher(Files.readString(root.resolve("containers").resolve(id).resolve("state.json")));
        assertThat(m.find()).isTrue();
        int pid = Integer.parseInt(m.group(1));
        assertThat(HostTraces.isRunning(pid, "slirp4netns")).as("slirp4netns " + pid).isTrue();
        return pid;
    }

    /** A long store root puts the slirp4netns API socket under /run/strata/slirp: it must go with the container. */
    private static void assertNoSlirpSocket(String id) {
        assertThat(ContainerTests.sharedApiSocket(id)).doesNotExist();
    }
}
