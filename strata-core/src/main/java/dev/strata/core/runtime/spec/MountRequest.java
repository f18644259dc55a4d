package dev.strata.core.runtime.spec;

import dev.strata.core.StrataException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One mount of the container, as the runtime spec's {@code mounts} entry: where it goes inside the container
 * (an absolute path, cleaned), the filesystem type, the source and the mount options.
 */
public record MountRequest(String destination, String type, String source, List<String> options) {
    public MountRequest {
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        options = List.copyOf(options);
        if (!destination.startsWith("/")) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot mount at \"" + destination
                    + "\": the destination inside the container must be an absolute path");
        }
        destination = ContainerPaths.clean(destination);
    }

    /**
     * A bind mount of a host file or directory (a bind volume, a named volume's data, a file the caller
     * wrote such as {@code /etc/hosts}): recursive, read-only or read-write, with private propagation as Docker's
     * default.
     */
    public static MountRequest bind(Path source, String destination, boolean readOnly) {
        if (!source.isAbsolute()) {
            throw new IllegalArgumentException("bind mount source must be absolute: " + source);
        }
        return new MountRequest(destination, "bind", source.toString(),
                List.of("rbind", readOnly ? "ro" : "rw", "rprivate"));
    }

    /**
     * A {@code --tmpfs DEST:OPTIONS} mount: {@code options} is the comma-separated text after the colon
     * ({@code "size=64m,mode=1777"}, or empty), merged over Docker's defaults {@code noexec,nosuid,nodev}.
     *
     * @throws StrataException INVALID_ARGUMENT for an option tmpfs does not know
     */
    public static MountRequest tmpfs(String destination, String options) {
        return new MountRequest(destination, "tmpfs", "tmpfs", TmpfsOptions.merge(destination, options));
    }
}
