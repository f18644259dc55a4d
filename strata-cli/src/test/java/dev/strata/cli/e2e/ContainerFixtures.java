package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the container fault and bad-input tests share beyond {@link ContainerTests}: a store with BusyBox, removal
 * that waits until no process or mount of the store is left, and waits for what another strata process is doing.
 */
final class ContainerFixtures {
    private ContainerFixtures() {}

    /** A store at {@code dir/root} holding {@code busybox:latest}. */
    static StrataRunner storeWithBusybox(Path dir) throws Exception {
        StrataRunner strata = new StrataRunner(dir.resolve("root"));
        strata.ok("import", "-c", "CMD [\"sh\"]", TestImages.busyboxTar(dir).toString(), "busybox:latest");
        return strata;
    }

    /** Removes every container, then insists that nothing of them is left on the host. */
    static void removeAll(StrataRunner strata) throws Exception {
        for (String id : strata.ok("ps", "-a", "-q", "--no-trunc").lines()) {
            strata.run("rm", "-f", id);
        }
        assertThat(strata.ok("ps", "-a", "-q").out()).isEmpty();
        HostTraces.awaitNone(strata.root());
    }

    static String[] concat(List<String> list, String... more) {
        List<String> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    /** Waits until the container has this status; its ID. Fails early if {@code process} failed. */
    static String awaitStatus(StrataRunner strata, String name, String status, StrataProcess process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            StrataRunner.Result r = strata.run("inspect", "-f", "{{.State.Status}} {{.Id}}", name);
            if (r.exitCode() == 0 && r.out().startsWith(status + " ")) {
                return r.out().strip().split(" ")[1];
            }
            if (!process.isAlive() && process.await() != 0) {
                throw new AssertionError(process + " failed: " + process.output());
            }
            Thread.sleep(20);
        }
        throw new AssertionError(name + " never became " + status + "; " + process + " said: " + process.output());
    }

    static void awaitFileIn(StrataRunner strata, String container, String path) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (strata.run("exec", container, "test", "-e", path).exitCode() != 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(path + " never appeared in " + container);
            }
            Thread.sleep(20);
        }
    }

    /** Waits until the run begins to make its container's directory, or has ended. */
    static void awaitContainerDirectory(Path root, StrataProcess run) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        List<String> earlier = containerDirectories(root);
        while (run.isAlive()) {
            if (!earlier.containsAll(containerDirectories(root))) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the run never created its container: " + run.output());
            }
            Thread.sleep(5);
        }
    }

    private static List<String> containerDirectories(Path root) throws Exception {
        Path containers = root.resolve("containers");
        if (!Files.isDirectory(containers)) {
            return List.of();
        }
        try (var entries = Files.list(containers)) {
            return entries.map(p -> p.getFileName().toString()).toList();
        }
    }

    /** Waits until the commit writes to scratch space (it has got going) or has ended. */
    static void awaitScratchFiles(Path root, StrataProcess commit) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (StoreState.leftovers(root).isEmpty() && commit.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the commit never started writing: " + commit.output());
            }
            Thread.sleep(5);
        }
    }
}
