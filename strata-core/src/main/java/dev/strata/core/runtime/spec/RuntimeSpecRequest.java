package dev.strata.core.runtime.spec;

import dev.strata.core.StrataException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Everything that decides a container's {@code config.json}: the mounted root filesystem, its host name, the
 * process, the user mounts (in the order given; they come after Docker's default mounts and replace a default
 * with the same destination), the network namespace and the annotations.
 */
public record RuntimeSpecRequest(
        Path rootfs,
        boolean readOnlyRootfs,
        String hostname,
        ProcessRequest process,
        List<MountRequest> mounts,
        NetworkNamespace network,
        Map<String, String> annotations) {

    /** The kernel's limit ({@code HOST_NAME_MAX}); runc fails on a longer name. */
    private static final int MAX_HOSTNAME = 64;

    public RuntimeSpecRequest {
        Objects.requireNonNull(rootfs, "rootfs");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(network, "network");
        if (!rootfs.isAbsolute()) {
            throw new IllegalArgumentException("rootfs must be an absolute path: " + rootfs);
        }
        mounts = List.copyOf(mounts);
        // sorted, so that the same request always gives the same bytes
        annotations = Collections.unmodifiableSortedMap(new TreeMap<>(Map.copyOf(annotations)));
        if (hostname.isEmpty() || hostname.length() > MAX_HOSTNAME) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot use hostname \"" + hostname
                    + "\": a hostname has 1 to " + MAX_HOSTNAME + " characters");
        }
    }
}
