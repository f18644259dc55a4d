package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.LayerWriter;
import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerLock;
import dev.strata.core.runtime.Stdio;
import dev.strata.core.runtime.conmon.Attachment;
import dev.strata.core.runtime.conmon.ConmonFiles;
import dev.strata.core.runtime.conmon.ContainerLogs;
import dev.strata.core.runtime.conmon.LogOptions;
import dev.strata.core.snapshot.overlay.Change;
import dev.strata.core.snapshot.overlay.Changes;
import dev.strata.core.snapshot.overlay.OverlayMount;
import dev.strata.core.sys.WindowSize;
import dev.strata.core.volume.Volumes;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.strata.core.container.ContainerRecord;
import dev.strata.core.container.ContainerState;
import dev.strata.core.container.ContainerStore;
import dev.strata.core.container.RunOptions;
import dev.strata.core.oci.Digest;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.store.LocalStore;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * The container verbs of the engine façade: {@code create}, {@code run}, {@code ps}, {@code commit} and the rest,
 * as a library. Nothing here prints. Thread-safe.
 */
public final class Containers {
    private final LocalStore store;
    private final ContainerStore containers;
    private final Clock clock;
    private final RandomGenerator random;
    private final Volumes volumes;
    private final ContainerRuntime runtime;
    private final ContainerLifecycle lifecycle;

    Containers(LocalStore store, Clock clock, RandomGenerator random, Volumes volumes, RuntimeSettings settings) {
        this.store = store;
        this.clock = clock;
        this.random = random;
        this.volumes = volumes;
        this.containers = new ContainerStore(store.layout().root().resolve("containers"), store.lock());
        this.runtime = new ContainerRuntime(store, containers, volumes, clock, settings);
        this.lifecycle = new ContainerLifecycle(runtime);
    }

    /** {@code create}: returns the new container's record; relative bind paths are taken from {@code cwd}. */
    public ContainerRecord create(RunOptions options, Path cwd) {
        ImageRecord image = ImageResolver.resolve(store.index().read(), options.image()); // Docker's "No such image"
        var stored = store.image(image); // read and parsed once: create needs it twice
        ContainerCreator.HostPlan plan = new HostPlanner(volumes).plan(options, stored.config().config(), cwd);
        try {
            return new ContainerCreator(store, containers, clock, random).create(options, image, stored, plan,
                    runtime.storageDriver());
        } catch (RuntimeException e) {
            for (var m : plan.mounts()) {
                if (m.anonymous()) {
                    volumes.remove(m.name(), true);
                }
            }
            throw e;
        }
    }

    /** {@code start} of a container in the background; a running one is left as it is. */
    public Container start(String nameOrId) {
        Container c = find(nameOrId);
        if (!c.state().status().isActive()) {
            startLocked(c, false, false);
        }
        return find(c.id());
    }

    /**
     * Starts a container attached: connected to its output (and input with {@code stdin}) before its process runs,
     * so none of its output is missed. The caller pumps the attachment, then calls {@link #awaitExit}, which cleans
     * up; until then the container's monitor leaves the clean-up to this process, and does it only if this process
     * ends first.
     */
    public Attachment startAttached(String nameOrId, boolean stdin) {
        Attachment attachment = startLocked(find(nameOrId), true, stdin);
        if (attachment == null) {
            throw new StrataException(StrataException.Kind.CONFLICT, "container " + nameOrId + " is already running");
        }
        return attachment;
    }

    /**
     * Starts the container under its lock unless it runs already (then returns null, as a detached start does);
     * first tidies up what an earlier run left, in case its exit command never ran.
     */
    private Attachment startLocked(Container c, boolean attach, boolean stdin) {
        try (ContainerLock lock = ContainerLock.acquire(c.paths())) {
            Container fresh = lifecycle.refresh(reread(c));
            if (fresh.state().status().isActive()) {
                return null;
            }
            lifecycle.tidy(fresh);
            Attachment attachment = new ContainerStarter(runtime).start(reread(c), attach, stdin);
            return attach ? attachment : null;
        }
    }

    /** The container as recorded now, under its lock: another strata process may have removed it meanwhile. */
    private Container reread(Container c) {
        return containers.read(c.id()).orElseThrow(() -> new StrataException(StrataException.Kind.NOT_FOUND,
                "No such container: " + c.name()));
    }

    /** Waits for a started container to end, cleans up after it (removing it if {@code --rm}); its exit code. */
    public int awaitExit(String id) {
        Container c = containers.read(id).orElseThrow(() -> new StrataException(StrataException.Kind.NOT_FOUND,
                "No such container: " + id));
        try {
            runtime.conmon.awaitExitCode(ContainerRuntime.files(c));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Container before = lifecycle.refresh(c);
        lifecycle.cleanup(id);
        ContainerStarter.deleteQuietly(c.paths().waiter()); // done: the monitor's exit command need not clean up
        return before.state().exitCode();
    }

    /** Sets the window size of a container's terminal. */
    public void resize(String id, WindowSize size) {
        runtime.conmon.resize(ContainerRuntime.files(find(id)), size);
    }

    /** {@code attach}: connects to a running container's output (and input). */
    public Attachment attach(String nameOrId, boolean stdin) {
        Container c = find(nameOrId);
        if (!c.state().status().isActive()) {
            throw new StrataException(StrataException.Kind.CONFLICT,
                    "You cannot attach to a stopped container, start it first");
        }
        return runtime.conmon.attach(ContainerRuntime.files(c), stdin);
    }

    /** {@code stop}: returns once the container has ended. */
    public void stop(String nameOrId, Integer timeoutSeconds) {
        stop(nameOrId, timeoutSeconds, null);
    }

    /** {@code stop -s SIGNAL}: that signal instead of the container's stop signal (null: the stop signal). */
    public void stop(String nameOrId, Integer timeoutSeconds, String signal) {
        Container c = find(nameOrId);
        int timeout = timeoutSeconds != null ? timeoutSeconds
                : c.record().config().stopTimeout() != null ? c.record().config().stopTimeout() : 10;
        lifecycle.stop(c, Duration.ofSeconds(Math.max(0, timeout)), signal);
    }

    /** {@code restart}: stop, then start in the background; a {@code --rm} container is not removed in between. */
    public void restart(String nameOrId, Integer timeoutSeconds) {
        Container c = find(nameOrId);
        try {
            Files.writeString(c.paths().restarter(), ProcessHandle.current().pid() + "\n");
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot restart container " + c.name() + ": "
                    + e.getMessage(), e);
        }
        try {
            stop(c.id(), timeoutSeconds);
            start(c.id());
        } finally {
            ContainerStarter.deleteQuietly(c.paths().restarter());
        }
    }

    /** {@code kill}: signal name or number; SIGKILL when null. */
    public void kill(String nameOrId, String signal) {
        lifecycle.kill(find(nameOrId), signal);
    }

    public void pause(String nameOrId) {
        lifecycle.pause(find(nameOrId));
    }

    public void unpause(String nameOrId) {
        lifecycle.unpause(find(nameOrId));
    }

    /** {@code rm}: {@code force} kills a running container first; {@code volumes} removes its anonymous volumes. */
    public void remove(String nameOrId, boolean force, boolean removeVolumes) {
        lifecycle.remove(find(nameOrId), force, removeVolumes);
    }

    /** The clean-up the monitor's exit command asks for when a container ends. */
    public void cleanup(String id) {
        lifecycle.cleanup(find(id).id());
    }

    /** {@code wait}: the exit code once the container has ended. */
    public int await(String nameOrId) throws InterruptedException {
        return lifecycle.await(find(nameOrId));
    }

    /** {@code logs}: writes the container's output, following it with {@code follow} until it ends. */
    public void logs(String nameOrId, LogOptions options, OutputStream out, OutputStream err) {
        Container c = find(nameOrId);
        ConmonFiles files = ContainerRuntime.files(c);
        try {
            ContainerLogs.read(files.log(), options, () -> runtime.conmon.exitCode(files).isEmpty()
                    && runtime.conmon.isMonitoring(files), out, err);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read the logs of " + c.name() + ": "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code exec}: runs one more process in a running container; its stdio as the caller chooses. */
    public Process exec(String nameOrId, ExecOptions options, Stdio stdio) {
        return new ContainerExec(runtime).exec(requireRunning(nameOrId), options, stdio);
    }

    /** {@code exec -d}: returns the new process's host PID. */
    public int execDetached(String nameOrId, ExecOptions options) {
        return new ContainerExec(runtime).execDetached(requireRunning(nameOrId), options);
    }

    private Container requireRunning(String nameOrId) {
        Container c = find(nameOrId);
        if (c.state().status() == ContainerState.Status.paused) {
            throw new StrataException(StrataException.Kind.CONFLICT, "container " + c.id()
                    + " is paused, unpause the container before exec");
        }
        if (!c.state().status().isActive()) {
            throw new StrataException(StrataException.Kind.CONFLICT, "container " + c.id() + " is not running");
        }
        return c;
    }

    /** {@code diff}: what the container changed, as A/C/D entries sorted by path. */
    public List<Change> diff(String nameOrId) {
        Container c = find(nameOrId);
        return WritableLayer.read(c, store.snapshots(),
                changes -> Changes.between(changes, WritableLayer.lowers(c, store.snapshots())));
    }

    /** {@code top}: the host PIDs of the container's processes. */
    public List<Integer> processes(String nameOrId) {
        Container c = find(nameOrId);
        if (!c.state().status().isActive()) { // a paused container's processes are listed too, as Docker's top does
            throw new StrataException(StrataException.Kind.CONFLICT, "container " + c.id() + " is not running");
        }
        return runtime.runc.processes(c.id());
    }

    /** {@code container prune}: removes every stopped container; returns their IDs and the bytes freed. */
    public PruneResult prune() {
        List<String> removed = new java.util.ArrayList<>();
        long reclaimed = 0;
        for (Container c : list(true, List.of(), 0)) {
            if (!c.state().status().isActive()) {
                reclaimed += WritableLayer.read(c, store.snapshots(), DiskUsageCalculator::treeSize);
                lifecycle.remove(c, false, false);
                removed.add(c.id());
            }
        }
        return new PruneResult(removed, reclaimed);
    }

    /** What prune removed. */
    public record PruneResult(List<String> removed, long reclaimed) {}

    /**
     * Runs {@code action} with the container's root filesystem mounted (it is already while the container runs;
     * a stopped one is mounted for the length of the action), for {@code cp} and {@code export}.
     */
    public <T> T withRootfs(String nameOrId, RootfsAction<T> action) {
        Container c = find(nameOrId);
        if (c.state().status().isActive()) {
            return action.apply(c.paths().merged());
        }
        try (ContainerLock lock = ContainerLock.acquire(c.paths())) {
            WritableLayer.mount(c, store.snapshots());
            try {
                return action.apply(c.paths().merged());
            } finally {
                OverlayMount.unmountIfMounted(c.paths().merged());
            }
        }
    }

    /**
     * Runs {@code action} on the container's file system as its processes see it, volumes and bind mounts
     * included, for {@code cp} of {@code containerPath} ({@code writing} into it, or reading it): a running
     * container's through its own mount namespace, a stopped one's root filesystem with its volumes and binds
     * mounted over it for the length of the action.
     */
    public <T> T withFilesystem(String nameOrId, String containerPath, boolean writing, RootfsAction<T> action) {
        Container c = find(nameOrId);
        if (c.state().status().isActive()) {
            return action.apply(ContainerFilesystem.runningRoot(c, containerPath, writing));
        }
        ContainerFilesystem filesystem = new ContainerFilesystem(runtime);
        return withRootfs(c.id(), root -> filesystem.withMounts(c, root, action));
    }

    /** Work on a mounted root filesystem. */
    @FunctionalInterface
    public interface RootfsAction<T> {
        T apply(Path rootfs);
    }

    /**
     * {@code ps}: containers newest first; all of them or only the running ones, then those the filters keep,
     * then the {@code last} newest when {@code last > 0}.
     */
    public List<Container> list(boolean all, List<String> filters, int last) {
        Predicate<Container> filter = ContainerFilter.parse(filters, this::find, this::imageIds);
        List<Container> listed = containers.list().stream()
                .map(lifecycle::refresh)
                .filter(c -> all || last > 0 || c.state().status().isActive())
                .filter(filter)
                .toList();
        return last > 0 && listed.size() > last ? listed.subList(0, last) : listed;
    }

    /** The container named by ID, name or unique ID prefix. */
    public Container find(String nameOrId) {
        return lifecycle.refresh(containers.find(nameOrId));
    }

    /**
     * {@code ps -s}: the bytes of the container's writable layer, and of its whole root filesystem (its image's
     * layers plus that), as Docker's SIZE column and {@code SizeRw}/{@code SizeRootFs} count them.
     */
    public Size size(Container c) {
        long rw = WritableLayer.read(c, store.snapshots(), DiskUsageCalculator::treeSize);
        long image = store.index().read().byId(Digest.parse(c.record().imageId())).map(ImageRecord::size).orElse(0L);
        return new Size(rw, rw + image);
    }

    /** A container's size: its writable layer and its whole root filesystem. */
    public record Size(long rw, long rootFs) {}

    /** {@code container inspect}: Docker's JSON object. */
    public java.util.Map<String, Object> inspect(String nameOrId) {
        return ContainerInspectView.of(store, find(nameOrId));
    }

    /** {@code rename}. */
    public void rename(String nameOrId, String newName) {
        containers.rename(find(nameOrId).id(), newName);
    }

    /** {@code commit}: returns the new image's ID. */
    public Digest commit(CommitRequest request) {
        Container found = find(request.container());
        // Locked throughout: a stopped container's writable layer may be handed over, and nothing may mount it meanwhile.
        try (ContainerLock lock = ContainerLock.acquire(found.paths())) {
            Container container = lifecycle.refresh(reread(found));
            boolean running = container.state().status() == ContainerState.Status.running;
            container = lifecycle.tidy(container);
            Container frozen = container;
            Committer.Freezer freezer = !request.pause() || !running
                    ? Committer.Freezer.NONE
                    : () -> {
                        runtime.runc.pause(frozen.id());
                        return () -> runtime.runc.resume(frozen.id());
                    };
            return new Committer(store, clock).commit(container, request, freezer);
        }
    }

    /**
     * For a build step: runs {@code commit} under the lock of the container {@code id}, which has ended, with its
     * changes as the new layer ({@link WritableLayer#layer}), written by {@code tar}. {@code parentChain} is the
     * chain ID of the top layer of the container's image (null: none).
     */
    <T> T commitChanges(String id, Digest parentChain, LayerWriter tar, Function<ChildImages.LayerSource, T> commit) {
        Container found = find(id);
        try (ContainerLock lock = ContainerLock.acquire(found.paths())) {
            Container container = lifecycle.tidy(lifecycle.refresh(reread(found)));
            return commit.apply(WritableLayer.layer(container, parentChain, tar, store.snapshots(),
                    Committer.Freezer.NONE));
        }
    }

    /** The image IDs an {@code ancestor} filter names: the image and every image built on top of it. */
    private List<String> imageIds(String name) {
        ImageIndex.Snapshot index = store.index().read();
        ImageRecord base = ImageResolver.resolve(index, name);
        List<String> ids = new java.util.ArrayList<>(List.of(base.id().toString()));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (ImageRecord image : index.images()) {
                if (image.parent() != null && ids.contains(image.parent().toString()) && !ids.contains(image.id().toString())) {
                    ids.add(image.id().toString());
                    grew = true;
                }
            }
        }
        return ids;
    }

    ContainerStore store() {
        return containers;
    }
}
