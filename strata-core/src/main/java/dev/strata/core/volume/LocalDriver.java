package dev.strata.core.volume;

import dev.strata.core.StrataException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The rules of Docker's {@code local} volume driver for its options ({@code type}, {@code device}, {@code o}, {@code size}). */
final class LocalDriver {
    private static final Set<String> KNOWN = Set.of("type", "device", "o", "size");

    private LocalDriver() {}

    /** Refuses what the local driver refuses, with its words. */
    static void validate(String name, Map<String, String> options) {
        for (String key : options.keySet().stream().sorted().toList()) {
            if (!KNOWN.contains(key)) {
                throw invalid(name, "invalid option: \"" + key + "\"");
            }
        }
        // type and device go together, and o means nothing without them.
        requireWith(name, options, "device", "type");
        requireWith(name, options, "type", "device");
        requireWith(name, options, "o", "device");
        requireWith(name, options, "o", "type");
        String size = options.get("size");
        if (size != null) {
            long bytes;
            try {
                bytes = Sizes.ramInBytes(size);
            } catch (IllegalArgumentException e) {
                throw invalid(name, "invalid size: '" + size + "'");
            }
            if (bytes > 0) {
                // Docker needs XFS project quotas for this; the store's file system gives no such limit.
                throw invalid(name, "quota size requested but no quota support");
            }
        }
    }

    static Optional<DeviceMount> deviceMount(Map<String, String> options) {
        String type = options.get("type");
        String device = options.get("device");
        if (type == null || device == null) {
            return Optional.empty();
        }
        return Optional.of(new DeviceMount(type, device, options.getOrDefault("o", "")));
    }

    private static void requireWith(String name, Map<String, String> options, String given, String required) {
        if (options.containsKey(given) && !options.containsKey(required)) {
            throw invalid(name, "missing required option: \"" + required + "\"");
        }
    }

    private static StrataException invalid(String name, String why) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot create volume " + name + ": " + why);
    }
}
