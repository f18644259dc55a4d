package dev.strata.core.volume;

import java.util.Objects;

/**
 * What the local driver mounts for a volume created with {@code -o type=T -o device=D [-o o=OPTS]}: the
 * arguments of {@code mount -t T -o OPTS D MOUNTPOINT}. Immutable.
 *
 * @param options the comma-separated mount options, empty for none
 */
public record DeviceMount(String type, String device, String options) {
    public DeviceMount {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(options, "options");
    }
}
