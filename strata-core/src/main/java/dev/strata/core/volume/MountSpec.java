package dev.strata.core.volume;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One mount a container asked for with {@code -v}, {@code --mount} or {@code --tmpfs}, validated: a host directory
 * bound in, a volume, or a tmpfs. Targets are absolute, clean container paths other than {@code /}. Immutable.
 */
public sealed interface MountSpec permits MountSpec.Bind, MountSpec.Volume, MountSpec.Tmpfs {
    /** The propagation Docker gives a bind mount unless told otherwise. */
    String DEFAULT_PROPAGATION = "rprivate";
    Set<String> PROPAGATIONS = Set.of("private", "rprivate", "shared", "rshared", "slave", "rslave");

    /** Where in the container the mount goes. */
    String target();

    boolean readOnly();

    /**
     * A host file or directory bound into the container.
     *
     * @param host absolute; after {@link VolumeRequest#resolve} it exists and has no symbolic links in it
     * @param propagation one of {@link #PROPAGATIONS}
     * @param recursive false for {@code bind-nonrecursive}: mounts below the host path are not carried along
     */
    record Bind(Path host, String target, boolean readOnly, String propagation, boolean recursive) implements MountSpec {
        public Bind {
            Objects.requireNonNull(host, "host");
            if (!host.isAbsolute()) {
                throw new IllegalArgumentException("host path must be absolute: " + host);
            }
            Targets.requireValid(target);
            if (!PROPAGATIONS.contains(propagation)) {
                throw new IllegalArgumentException("invalid propagation mode: " + propagation);
            }
        }

        public Bind(Path host, String target, boolean readOnly) {
            this(host, target, readOnly, DEFAULT_PROPAGATION, true);
        }
    }

    /**
     * A volume: the named one (made if missing) or, with a null name, a new anonymous one.
     *
     * @param noCopy true if the image's files at the target must not be copied into an empty volume
     * @param driver the volume driver asked for, null for the default ({@code local})
     * @param labels labels for the volume if it has to be made ({@code volume-label=})
     * @param driverOptions driver options for the volume if it has to be made ({@code volume-opt=})
     */
    record Volume(String name, String target, boolean readOnly, boolean noCopy, String driver, Map<String, String> labels,
            Map<String, String> driverOptions) implements MountSpec {
        public Volume {
            if (name != null && name.isEmpty()) {
                throw new IllegalArgumentException("a volume name must not be empty (null for an anonymous volume)");
            }
            Targets.requireValid(target);
            labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
            driverOptions = java.util.Collections.unmodifiableMap(new TreeMap<>(driverOptions));
        }

        public Volume(String name, String target, boolean readOnly, boolean noCopy) {
            this(name, target, readOnly, noCopy, null, Map.of(), Map.of());
        }

        public boolean anonymous() {
            return name == null;
        }
    }

    /**
     * A tmpfs.
     *
     * @param options the mount options, Docker's defaults ({@code noexec,nosuid,nodev}) merged with the user's,
     *     the later of two conflicting ones winning; {@code ro} makes it read-only
     */
    record Tmpfs(String target, List<String> options) implements MountSpec {
        public Tmpfs {
            Targets.requireValid(target);
            options = List.copyOf(options);
        }

        @Override
        public boolean readOnly() {
            return options.contains("ro");
        }
    }
}
