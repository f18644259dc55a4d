package dev.strata.core.engine;

import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerStore;
import dev.strata.core.runtime.Runc;
import dev.strata.core.runtime.conmon.Conmon;
import dev.strata.core.runtime.conmon.ConmonFiles;
import dev.strata.core.runtime.network.NetworkNamespaces;
import dev.strata.core.runtime.network.Slirp4netns;
import dev.strata.core.runtime.spec.HostLimits;
import dev.strata.core.runtime.spec.RuntimeSpecGenerator;
import dev.strata.core.store.LocalStore;
import dev.strata.core.volume.Volumes;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The real parts a container runs on, wired for one store: runc (its state under {@code ROOT/runtime/runc}),
 * conmon, slirp4netns, network namespaces, the runtime-spec generator, overlay mounts and volumes.
 */
final class ContainerRuntime {
    final LocalStore store;
    final ContainerStore containers;
    final Volumes volumes;
    final Clock clock;
    final Runc runc;
    final Conmon conmon;
    final Slirp4netns slirp;
    final NetworkNamespaces namespaces = new NetworkNamespaces();
    final RuntimeSettings settings;
    private RuntimeSpecGenerator specs;
    private StorageDriver storageDriver;

    ContainerRuntime(LocalStore store, ContainerStore containers, Volumes volumes, Clock clock, RuntimeSettings settings) {
        this.store = store;
        this.containers = containers;
        this.volumes = volumes;
        this.clock = clock;
        this.settings = settings;
        Path state = store.layout().root().resolve("runtime").resolve("runc");
        this.runc = new Runc(settings.runc(), state);
        this.conmon = new Conmon(settings.conmon(), settings.runc(), state);
        this.slirp = new Slirp4netns(settings.slirp4netns());
    }

    synchronized RuntimeSpecGenerator specs() {
        if (specs == null) {
            specs = new RuntimeSpecGenerator(HostLimits.current());
        }
        return specs;
    }

    /** Where conmon keeps a container's files: all in the container's own directory. */
    static ConmonFiles files(Container c) {
        return new ConmonFiles(c.paths().bundle(), c.paths().dir());
    }

    /**
     * The storage driver new containers get: the one the settings name, else the store's own, chosen when its first
     * container is created and kept in {@code ROOT/runtime/storage-driver}.
     */
    synchronized StorageDriver storageDriver() {
        if (storageDriver == null) {
            storageDriver = settings.storageDriver() != null ? StorageDriver.parse(settings.storageDriver())
                    : StorageDriver.forStore(store.layout().root().resolve("runtime").resolve("storage-driver"),
                            () -> store.scratch().newDirectory("overlay-probe"));
        }
        return storageDriver;
    }

    /**
     * The monitor's exit command for this container, or an empty list when there is none. With {@code waiterPid}
     * (an attached caller that cleans up itself), it only cleans up if that process dies first ({@link ExitCommand}).
     */
    List<String> exitCommand(Container c, OptionalLong waiterPid) {
        if (settings.exitCommand().isEmpty()) {
            return List.of();
        }
        List<String> command = new ArrayList<>(settings.exitCommand());
        command.addAll(List.of("--root", store.layout().root().toAbsolutePath().toString(), "container", "cleanup",
                c.id()));
        return waiterPid.isPresent()
                ? ExitCommand.unlessWaiterCleansUp(c.paths().waiter(), waiterPid.getAsLong(), command)
                : command;
    }
}
