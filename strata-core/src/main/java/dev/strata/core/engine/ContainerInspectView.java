package dev.strata.core.engine;

import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerPaths;
import dev.strata.core.container.ContainerRecord;
import dev.strata.core.container.ContainerState;
import dev.strata.core.container.HostSettings;
import dev.strata.core.container.RunConfig;
import dev.strata.core.oci.Digest;
import dev.strata.core.runtime.network.NetworkMode;
import dev.strata.core.store.LocalStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@code container inspect}: Docker's JSON object for one container, field for field where Strata has the fact. */
final class ContainerInspectView {
    private ContainerInspectView() {}

    static Map<String, Object> of(LocalStore store, Container c) {
        ContainerRecord r = c.record();
        ContainerPaths p = c.paths();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Id", r.id());
        m.put("Created", r.created());
        m.put("Path", r.path());
        m.put("Args", r.args());
        m.put("State", state(c.state()));
        m.put("Image", r.imageId());
        m.put("ResolvConfPath", p.resolvConf().toString());
        m.put("HostnamePath", p.hostname().toString());
        m.put("HostsPath", p.hosts().toString());
        m.put("LogPath", p.log().toString());
        m.put("Name", "/" + r.name());
        m.put("RestartCount", c.state().restartCount());
        StorageDriver storage = StorageDriver.of(c);
        m.put("Driver", storage.dockerName());
        m.put("Platform", "linux");
        m.put("MountLabel", "");
        m.put("ProcessLabel", "");
        m.put("AppArmorProfile", "");
        m.put("ExecIDs", null);
        m.put("HostConfig", hostConfig(r.host()));
        m.put("GraphDriver", storage == StorageDriver.OVERLAY ? graphDriver(store, r.layers(), p) : vfsDriver());
        m.put("Mounts", mounts(r.host()));
        m.put("Config", config(r.config()));
        m.put("NetworkSettings", networkSettings(c));
        return m;
    }

    private static Map<String, Object> state(ContainerState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Status", s.status().name());
        m.put("Running", s.status() == ContainerState.Status.running || s.status() == ContainerState.Status.paused);
        m.put("Paused", s.status() == ContainerState.Status.paused);
        m.put("Restarting", s.status() == ContainerState.Status.restarting);
        m.put("OOMKilled", false);
        m.put("Dead", s.status() == ContainerState.Status.dead);
        m.put("Pid", s.status().isActive() ? s.pid() : 0);
        m.put("ExitCode", s.exitCode());
        m.put("Error", s.error() == null ? "" : s.error());
        m.put("StartedAt", s.startedAt());
        m.put("FinishedAt", s.finishedAt());
        return m;
    }

    private static Map<String, Object> hostConfig(HostSettings h) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<String> binds = new ArrayList<>();
        for (HostSettings.ContainerMount mount : h.mounts()) {
            if (!"tmpfs".equals(mount.type()) && !mount.anonymous()) {
                String source = "volume".equals(mount.type()) ? mount.name() : mount.source();
                binds.add(source + ":" + mount.destination() + (mount.readOnly() ? ":ro" : ""));
            }
        }
        m.put("Binds", binds.isEmpty() ? null : binds);
        m.put("ContainerIDFile", "");
        m.put("LogConfig", Map.of("Type", "k8s-file", "Config", Map.of()));
        m.put("NetworkMode", h.networkMode());
        m.put("PortBindings", portBindings(h.ports()));
        m.put("RestartPolicy", Map.of("Name", "no", "MaximumRetryCount", 0));
        m.put("AutoRemove", h.autoRemove());
        m.put("VolumeDriver", "");
        m.put("VolumesFrom", null);
        m.put("PublishAllPorts", h.publishAllPorts());
        m.put("ReadonlyRootfs", h.readOnlyRootfs());
        Map<String, String> tmpfs = new TreeMap<>();
        h.mounts().stream().filter(x -> "tmpfs".equals(x.type()))
                .forEach(x -> tmpfs.put(x.destination(), x.options() == null ? "" : x.options()));
        m.put("Tmpfs", tmpfs.isEmpty() ? null : tmpfs);
        return m;
    }

    private static Map<String, Object> portBindings(List<HostSettings.PublishedPort> ports) {
        Map<String, Object> m = new TreeMap<>();
        for (HostSettings.PublishedPort port : ports) {
            @SuppressWarnings("unchecked")
            List<Object> bindings = (List<Object>) m.computeIfAbsent(port.containerPort() + "/" + port.protocol(),
                    k -> new ArrayList<>());
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("HostIp", port.hostIp());
            b.put("HostPort", port.hostPort() == 0 ? "" : String.valueOf(port.hostPort())); // "" is Docker's "any"
            bindings.add(b);
        }
        return m;
    }

    /** As Docker shows a vfs container's: no directories. */
    private static Map<String, Object> vfsDriver() {
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("Data", null);
        driver.put("Name", StorageDriver.VFS.dockerName());
        return driver;
    }

    private static Map<String, Object> graphDriver(LocalStore store, List<Digest> chain, ContainerPaths p) {
        Map<String, Object> data = new LinkedHashMap<>();
        List<Path> lowers = store.snapshots().diffDirectoriesTopFirst(chain);
        if (!lowers.isEmpty()) {
            data.put("LowerDir", String.join(":", lowers.stream().map(Path::toString).toList()));
        }
        data.put("MergedDir", p.merged().toString());
        data.put("UpperDir", p.upper().toString());
        data.put("WorkDir", p.work().toString());
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("Data", data);
        driver.put("Name", StorageDriver.OVERLAY.dockerName());
        return driver;
    }

    private static List<Object> mounts(HostSettings h) {
        List<Object> out = new ArrayList<>();
        for (HostSettings.ContainerMount mount : h.mounts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Type", mount.type());
            if ("volume".equals(mount.type())) {
                m.put("Name", mount.name());
            }
            m.put("Source", mount.source() == null ? "" : mount.source());
            m.put("Destination", mount.destination());
            if ("volume".equals(mount.type())) {
                m.put("Driver", "local");
            }
            m.put("Mode", mount.readOnly() ? "ro" : "");
            m.put("RW", !mount.readOnly());
            m.put("Propagation", "bind".equals(mount.type()) ? "rprivate" : "");
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> config(RunConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Hostname", c.hostname());
        m.put("Domainname", c.domainname());
        m.put("User", c.user());
        m.put("AttachStdin", c.attachStdin());
        m.put("AttachStdout", c.attachStdout());
        m.put("AttachStderr", c.attachStderr());
        if (c.exposedPorts() != null) {
            m.put("ExposedPorts", c.exposedPorts());
        }
        m.put("Tty", c.tty());
        m.put("OpenStdin", c.openStdin());
        m.put("StdinOnce", c.stdinOnce());
        m.put("Env", c.env());
        m.put("Cmd", c.cmd());
        m.put("Image", c.image());
        m.put("Volumes", c.volumes());
        m.put("WorkingDir", c.workingDir());
        m.put("Entrypoint", c.entrypoint());
        m.put("OnBuild", c.onBuild());
        m.put("Labels", new TreeMap<>(c.labels()));
        if (c.stopSignal() != null && !c.stopSignal().isEmpty()) {
            m.put("StopSignal", c.stopSignal());
        }
        if (c.stopTimeout() != null) {
            m.put("StopTimeout", c.stopTimeout());
        }
        return m;
    }

    /** The file that names the container's network namespace: kept by Strata, or runc's own for {@code none}. */
    private static String sandboxKey(Container c) {
        NetworkMode mode = NetworkMode.parse(c.record().host().networkMode());
        if (mode instanceof NetworkMode.None) {
            return c.state().pid() > 0 ? "/proc/" + c.state().pid() + "/ns/net" : "";
        }
        return mode.ownNamespace() ? c.paths().netns().toString() : "";
    }

    private static Map<String, Object> networkSettings(Container c) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean active = c.state().status().isActive();
        m.put("SandboxKey", active ? sandboxKey(c) : "");
        Map<String, Object> ports = new TreeMap<>();
        if (active) {
            if (c.record().config().exposedPorts() != null) {
                c.record().config().exposedPorts().keySet().forEach(k -> ports.put(k, null));
            }
            // the forwards as set up, with the host ports -P and "-p 8080" left to the system filled in
            ports.putAll(portBindings(c.state().ports()));
        }
        m.put("Ports", ports);
        return m;
    }
}
