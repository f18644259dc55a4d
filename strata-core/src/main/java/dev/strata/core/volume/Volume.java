package dev.strata.core.volume;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One volume as {@code volume inspect} shows it: its name, driver, where its data lives, when it was made, its
 * labels and driver options, and whether it was made without a name (for a container's {@code -v /path}).
 * Immutable.
 *
 * @param mountpoint the directory holding the volume's files ({@code ROOT/volumes/NAME/_data})
 * @param options the driver options given at creation ({@code -o type=tmpfs}), empty for a plain directory
 */
public record Volume(String name, String driver, Path mountpoint, Instant createdAt, Map<String, String> labels,
        Map<String, String> options, String scope, boolean anonymous) {
    /** The label Docker (23+) puts on anonymous volumes; {@code volume prune} without {@code -a} looks for it. */
    public static final String ANONYMOUS_LABEL = "com.docker.volume.anonymous";
    public static final String LOCAL_DRIVER = "local";
    public static final String LOCAL_SCOPE = "local";

    public Volume {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(driver, "driver");
        Objects.requireNonNull(mountpoint, "mountpoint");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(scope, "scope");
        // Sorted copies: the metadata file and the inspect output come out in a stable order.
        labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
        options = java.util.Collections.unmodifiableMap(new TreeMap<>(options));
    }

    /**
     * The file system the local driver mounts on the mountpoint before a container uses the volume, when the
     * volume was created with {@code -o type=... -o device=...}; empty for a plain directory.
     */
    public Optional<DeviceMount> deviceMount() {
        return LocalDriver.deviceMount(options);
    }
}
