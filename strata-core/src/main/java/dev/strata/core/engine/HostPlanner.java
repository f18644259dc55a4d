package dev.strata.core.engine;

import dev.strata.core.container.HostSettings;
import dev.strata.core.container.RunOptions;
import dev.strata.core.oci.ContainerConfig;
import dev.strata.core.runtime.network.NetworkMode;
import dev.strata.core.runtime.network.PortMapping;
import dev.strata.core.volume.MountSpec;
import dev.strata.core.volume.Volume;
import dev.strata.core.volume.VolumeRequest;
import dev.strata.core.volume.Volumes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Works out, at {@code create}, how a container meets the host: its mounts (binds checked, named volumes made,
 * anonymous volumes made for {@code -v /path} and the image's VOLUME entries), its published ports and its network.
 */
final class HostPlanner {
    private final Volumes volumes;

    HostPlanner(Volumes volumes) {
        this.volumes = volumes;
    }

    ContainerCreator.HostPlan plan(RunOptions options, ContainerConfig image, Path workingDirectory) {
        NetworkMode mode = NetworkMode.parse(options.network());
        String networkName = options.network() == null || options.network().isEmpty() ? "slirp4netns" : options.network();
        List<MountSpec> specs = new VolumeRequest(options.volumes(), options.mounts(), options.tmpfs())
                .resolve(workingDirectory);
        List<HostSettings.ContainerMount> mounts = new ArrayList<>();
        List<String> anonymousTargets = new ArrayList<>();
        Set<String> targets = new HashSet<>();
        for (MountSpec spec : specs) {
            targets.add(spec.target());
            switch (spec) {
                case MountSpec.Bind b -> mounts.add(new HostSettings.ContainerMount("bind", null, b.host().toString(),
                        b.target(), b.readOnly(), null, false));
                case MountSpec.Tmpfs t -> mounts.add(new HostSettings.ContainerMount("tmpfs", null, null, t.target(),
                        false, String.join(",", t.options()), false));
                case MountSpec.Volume v -> {
                    Volume volume = v.name() == null
                            ? volumes.create(null, v.driver(), v.labels(), v.driverOptions())
                            : volumes.find(v.name()).orElseGet(() -> volumes.create(v.name(), v.driver(), v.labels(),
                                    v.driverOptions()));
                    if (v.name() == null) {
                        anonymousTargets.add(v.target());
                    }
                    mounts.add(new HostSettings.ContainerMount("volume", volume.name(), volume.mountpoint().toString(),
                            v.target(), v.readOnly(), v.noCopy() ? "nocopy" : null, v.name() == null));
                }
            }
        }
        if (image.volumes() != null) {
            for (String target : image.volumes().keySet()) {
                if (targets.add(target)) {
                    Volume volume = volumes.create(null, null, Map.of(), Map.of());
                    mounts.add(new HostSettings.ContainerMount("volume", volume.name(), volume.mountpoint().toString(),
                            target, false, null, true));
                }
            }
        }
        List<HostSettings.PublishedPort> ports = new ArrayList<>();
        List<String> exposed = new ArrayList<>();
        for (String publish : options.publish()) {
            for (PortMapping p : PortMapping.parse(publish)) {
                ports.add(new HostSettings.PublishedPort(p.hostIp(), p.hostPort(), p.containerPort(), p.protocol()));
                exposed.add(p.containerPort() + "/" + p.protocol());
            }
        }
        if (options.publishAll() && image.exposedPorts() != null) {
            for (String port : image.exposedPorts().keySet()) {
                String[] parts = port.split("/", 2);
                int number = Integer.parseInt(parts[0]);
                String protocol = parts.length > 1 ? parts[1] : "tcp";
                if (ports.stream().noneMatch(p -> p.containerPort() == number && p.protocol().equals(protocol))) {
                    ports.add(new HostSettings.PublishedPort(PortMapping.DEFAULT_HOST_IP, 0, number, protocol));
                }
            }
        }
        if (!ports.isEmpty() && !(mode instanceof NetworkMode.Slirp4netns)) {
            ports.clear(); // Docker ignores published ports on host and none networks
        }
        return new ContainerCreator.HostPlan(mounts, ports, exposed, anonymousTargets, networkName);
    }
}
