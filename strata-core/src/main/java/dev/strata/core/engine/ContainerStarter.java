package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.container.Container;
import dev.strata.core.container.HostSettings;
import dev.strata.core.container.RunConfig;
import dev.strata.core.container.RunConfigs;
import dev.strata.core.runtime.conmon.Attachment;
import dev.strata.core.runtime.conmon.CreateRequest;
import dev.strata.core.runtime.conmon.MonitoredContainer;
import dev.strata.core.runtime.network.NetworkFiles;
import dev.strata.core.runtime.network.NetworkMode;
import dev.strata.core.runtime.network.PortMapping;
import dev.strata.core.runtime.network.SlirpProcess;
import dev.strata.core.runtime.spec.MountRequest;
import dev.strata.core.runtime.spec.NetworkNamespace;
import dev.strata.core.runtime.spec.ProcessRequest;
import dev.strata.core.runtime.spec.RuntimeSpecRequest;
import dev.strata.core.snapshot.overlay.OverlayMount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * {@code start}: mounts the container's root filesystem, sets up its network, writes its runtime bundle, and has
 * conmon create it; then starts it, optionally attached. A start that fails undoes what it set up and leaves the
 * container created, with the failure recorded as Docker records it.
 */
final class ContainerStarter {
    private static final int MAX_SOCKET_PATH = 107;

    private final ContainerRuntime rt;

    ContainerStarter(ContainerRuntime rt) {
        this.rt = rt;
    }

    /** Starts a created or stopped container; returns the attachment when {@code attach}, else null. */
    Attachment start(Container c, boolean attach, boolean attachStdin) {
        List<Runnable> undo = new ArrayList<>();
        try {
            // Recorded first: if this process dies halfway, the next cleanup or rm tears down what it set up.
            rt.containers.writeState(c.id(), c.state().starting());
            WritableLayer.mount(c, rt.store.snapshots());
            undo.add(() -> OverlayMount.unmountIfMounted(c.paths().merged()));
            Path rootfs = c.paths().merged();
            RunConfig config = c.record().config();
            List<MountRequest> mounts = new ArrayList<>(VolumeMounts.requests(rt.volumes, c, rootfs));
            NetworkMode mode = NetworkMode.parse(c.record().host().networkMode());
            NetworkNamespace netns = new NetworkNamespace.Host();
            int slirpPid = 0;
            List<HostSettings.PublishedPort> published = List.of();
            if (mode instanceof NetworkMode.None) {
                // runc makes it and brings its loopback up: nothing joins it by path, so no file is kept for it
                netns = new NetworkNamespace.Isolated();
            } else if (mode.ownNamespace()) {
                rt.namespaces.remove(c.paths().netns());
                rt.namespaces.create(c.paths().netns());
                undo.add(() -> rt.namespaces.remove(c.paths().netns()));
                netns = new NetworkNamespace.Joined(c.paths().netns());
                if (mode instanceof NetworkMode.Slirp4netns slirpMode) {
                    SlirpProcess slirp = rt.slirp.start(c.paths().netns(), slirpMode, apiSocket(c), c.paths().dir().resolve("slirp.log"));
                    slirpPid = slirp.pid();
                    undo.add(() -> {
                        rt.slirp.stop(slirp.pid());
                        ContainerLifecycle.deleteSharedApiSocket(c);
                    });
                    published = forward(c, slirp);
                }
            }
            mounts.addAll(etcFiles(c, mode));
            createWorkingDir(rootfs, config.workingDir());
            ProcessRequest process = new ProcessRequest(RunConfigs.processArgs(config), config.env(),
                    config.workingDir(), config.user(), config.tty());
            byte[] spec = rt.specs().configJson(new RuntimeSpecRequest(rootfs, c.record().host().readOnlyRootfs(),
                    config.hostname(), process, mounts, netns, Map.of("dev.strata.container.name", c.name())));
            Files.write(c.paths().runtimeConfig(), spec);
            if (Files.exists(rt.runc.stateRoot().resolve(c.id()))) {
                rt.runc.delete(c.id(), true); // left by a run that was never cleaned up after
            }
            // An attached caller cleans up itself (Containers#awaitExit): the monitor's exit command only stands in
            // for it if it dies first. A waiter file left by an earlier attached run that died is stale.
            Files.deleteIfExists(c.paths().waiter());
            OptionalLong waiter = OptionalLong.empty();
            if (attach) {
                waiter = OptionalLong.of(ProcessHandle.current().pid());
                Files.writeString(c.paths().waiter(), waiter.getAsLong() + "\n");
                undo.add(() -> deleteQuietly(c.paths().waiter()));
            }
            MonitoredContainer monitored = rt.conmon.create(new CreateRequest(c.id(), c.name(), c.paths().bundle(),
                    c.paths().dir(), config.tty(), config.openStdin(), rt.exitCommand(c, waiter)));
            undo.add(() -> rt.runc.delete(c.id(), true));
            Attachment attachment = attach ? rt.conmon.attach(ContainerRuntime.files(c), attachStdin) : null;
            rt.runc.start(c.id());
            rt.containers.writeState(c.id(), c.state().running(monitored.pid(), monitored.conmonPid(), slirpPid,
                    Times.format(rt.clock.instant()), published));
            return attachment;
        } catch (IOException e) {
            undo(undo);
            throw fail(c, new StrataException(StrataException.Kind.SYSTEM, "cannot start container " + c.name() + ": "
                    + e.getMessage(), e));
        } catch (RuntimeException e) {
            undo(undo);
            throw fail(c, e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover file (a waiter file, a build's script) is swept with its container or the scratch area
        }
    }

    private static void undo(List<Runnable> steps) {
        for (int i = steps.size() - 1; i >= 0; i--) {
            try {
                steps.get(i).run();
            } catch (RuntimeException e) {
                // keep undoing; what is left is cleaned by rm
            }
        }
    }

    /** Records the failure as Docker does (state created, exit code 126/127/128) and returns the error to throw. */
    private RuntimeException fail(Container c, RuntimeException e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        int code = message.contains("executable file not found") || message.contains("no such file or directory")
                ? 127 : message.contains("permission denied") ? 126 : 128;
        rt.containers.writeState(c.id(), c.state().failed(code, message));
        return new ContainerStartException(code, message, e);
    }

    private List<HostSettings.PublishedPort> forward(Container c, SlirpProcess slirp) {
        List<HostSettings.PublishedPort> out = new ArrayList<>();
        for (HostSettings.PublishedPort port : c.record().host().ports()) {
            PortMapping done = rt.slirp.forward(slirp.apiSocket(),
                    new PortMapping(port.hostIp(), port.hostPort(), port.containerPort(), port.protocol()));
            out.add(new HostSettings.PublishedPort(done.hostIp(), done.hostPort(), done.containerPort(), done.protocol()));
        }
        return out;
    }

    /** The slirp4netns API socket: in the container's directory when the path is short enough, else under /run. */
    private static Path apiSocket(Container c) throws IOException {
        Path own = c.paths().dir().resolve("slirp.sock");
        if (own.toString().getBytes(StandardCharsets.UTF_8).length <= MAX_SOCKET_PATH) {
            return own;
        }
        Files.createDirectories(SHARED_SOCKETS);
        return sharedApiSocket(c);
    }

    private static final Path SHARED_SOCKETS = Path.of("/run/strata/slirp");

    /**
     * The API socket under /run of a container whose own directory's path is too long for one. slirp4netns leaves
     * the file behind when it is stopped: the container directory's removal takes the other kind, this one must be
     * deleted when the container's network is torn down.
     */
    static Path sharedApiSocket(Container c) {
        return SHARED_SOCKETS.resolve(c.id().substring(0, 32) + ".sock");
    }

    /** /etc/hostname, /etc/hosts and /etc/resolv.conf, written for the container and bound in, as Docker does. */
    private static List<MountRequest> etcFiles(Container c, NetworkMode mode) throws IOException {
        String hostname = c.record().config().hostname();
        NetworkFiles files = NetworkFiles.forContainer(mode, hostname, NetworkFiles.readHost(Path.of("/etc")));
        Files.writeString(c.paths().hostname(), hostname + "\n");
        Files.writeString(c.paths().hosts(), files.hosts());
        Files.writeString(c.paths().resolvConf(), files.resolvConf());
        boolean readOnly = c.record().host().readOnlyRootfs();
        List<MountRequest> out = new ArrayList<>();
        out.add(MountRequest.bind(c.paths().hostname(), "/etc/hostname", readOnly));
        out.add(MountRequest.bind(c.paths().hosts(), "/etc/hosts", readOnly));
        out.add(MountRequest.bind(c.paths().resolvConf(), "/etc/resolv.conf", readOnly));
        return out;
    }

    /** Docker makes a missing working directory before the process starts (runc cannot on a read-only root). */
    private static void createWorkingDir(Path rootfs, String workingDir) {
        if (workingDir == null || workingDir.isEmpty() || workingDir.equals("/")) {
            return;
        }
        try {
            Files.createDirectories(dev.strata.core.volume.RootPaths.resolve(rootfs, workingDir));
        } catch (IOException | RuntimeException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot create working directory "
                    + workingDir + ": " + e.getMessage(), e);
        }
    }
}
