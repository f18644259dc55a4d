package dev.strata.core.container;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * How a container meets the host: its mounts, published ports, network, and the lifecycle options of
 * {@code run} (Docker's "HostConfig", trimmed to what Strata does).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HostSettings(
        @JsonProperty("Mounts") List<ContainerMount> mounts,
        @JsonProperty("Ports") List<PublishedPort> ports,
        @JsonProperty("PublishAllPorts") boolean publishAllPorts,
        @JsonProperty("NetworkMode") String networkMode,
        @JsonProperty("ReadonlyRootfs") boolean readOnlyRootfs,
        @JsonProperty("AutoRemove") boolean autoRemove) {

    public HostSettings {
        mounts = mounts == null ? List.of() : List.copyOf(mounts);
        ports = ports == null ? List.of() : List.copyOf(ports);
    }

    /** A mount as decided at create: a bind of a host path, a named or anonymous volume, or a tmpfs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ContainerMount(
            @JsonProperty("Type") String type,
            @JsonProperty("Name") String name,
            @JsonProperty("Source") String source,
            @JsonProperty("Destination") String destination,
            @JsonProperty("ReadOnly") boolean readOnly,
            @JsonProperty("Options") String options,
            @JsonProperty("Anonymous") boolean anonymous) {}

    /** A port forwarded from the host to the container. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PublishedPort(
            @JsonProperty("HostIp") String hostIp,
            @JsonProperty("HostPort") int hostPort,
            @JsonProperty("ContainerPort") int containerPort,
            @JsonProperty("Protocol") String protocol) {}
}
