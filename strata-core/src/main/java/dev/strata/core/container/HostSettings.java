package dev.strata.core.container;

import java.util.List;

/**
 * How a container meets the host: its mounts, published ports, network, and the lifecycle options of
 * {@code run} (Docker's "HostConfig", trimmed to what Strata does).
 */
public record HostSettings(List<ContainerMount> mounts, List<PublishedPort> ports, boolean publishAllPorts,
        String networkMode, boolean readOnlyRootfs, boolean autoRemove) {

    public HostSettings {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** A mount as decided at create: a bind of a host path, a named or anonymous volume, or a tmpfs. */
    public record ContainerMount(String type, String name, String source, String destination, boolean readOnly,
            String options, boolean anonymous) {}

    /** A port forwarded from the host to the container. */
    public record PublishedPort(String hostIp, int hostPort, int containerPort, String protocol) {}
}
