package dev.strata.core.volume;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mounts a {@code run} or {@code create} asks for, as the user typed them: {@code -v}/{@code --volume},
 * {@code --mount} and {@code --tmpfs} values, each in command-line order. {@link #parse} checks them as the docker
 * CLI and daemon do; {@link #resolve} also settles host paths. Immutable.
 */
public record VolumeRequest(List<String> volumes, List<String> mounts, List<String> tmpfs) {
    public VolumeRequest {
        volumes = List.copyOf(volumes);
        mounts = List.copyOf(mounts);
        tmpfs = List.copyOf(tmpfs);
    }

    /** A parsed mount, and whether a missing host path is made ({@code -v}) rather than refused ({@code --mount}). */
    record Parsed(MountSpec spec, boolean createMissingHost) {}

    /**
     * The mounts, checked for syntax, targets, names and duplicates, without touching the file system: bind
     * sources are absolute ({@code .} and {@code ./x} taken from {@code workingDirectory}) but may not exist.
     * Order: {@code -v} values, then {@code --mount}, then {@code --tmpfs}.
     *
     * @throws StrataException INVALID_ARGUMENT with Docker's reason
     */
    public List<MountSpec> parse(Path workingDirectory) {
        return parsed(workingDirectory).stream().map(Parsed::spec).toList();
    }

    /**
     * {@link #parse}, then host paths settled as the daemon does: a missing {@code -v} host directory is created,
     * a missing {@code --mount type=bind} source is an error, and symbolic links in host paths are resolved.
     */
    public List<MountSpec> resolve(Path workingDirectory) {
        List<MountSpec> resolved = new ArrayList<>();
        for (Parsed p : parsed(workingDirectory)) {
            resolved.add(p.spec() instanceof MountSpec.Bind bind ? resolveHost(bind, p.createMissingHost()) : p.spec());
        }
        return resolved;
    }

    private List<Parsed> parsed(Path workingDirectory) {
        Path cwd = workingDirectory.toAbsolutePath().normalize();
        List<Parsed> all = new ArrayList<>();
        volumes.forEach(v -> all.add(VolumeFlag.parse(v, cwd)));
        mounts.forEach(m -> all.add(MountFlag.parse(m, cwd)));
        tmpfs.forEach(t -> all.add(tmpfs(t)));
        Set<String> targets = new HashSet<>();
        for (Parsed p : all) {
            if (!targets.add(p.spec().target())) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                        "Duplicate mount point: " + p.spec().target());
            }
        }
        return all;
    }

    /** {@code --tmpfs PATH[:OPTIONS]}. */
    private static Parsed tmpfs(String value) {
        int colon = value.indexOf(':');
        String target = colon < 0 ? value : value.substring(0, colon);
        String options = colon < 0 ? "" : value.substring(colon + 1);
        String problem = Targets.problem(target);
        if (problem != null) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, problem);
        }
        List<String> user = options.isEmpty() ? List.of() : List.of(options.split(","));
        try {
            return new Parsed(new MountSpec.Tmpfs(Targets.clean(target), TmpfsOptions.merge(user)), false);
        } catch (IllegalArgumentException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, e.getMessage());
        }
    }

    private static MountSpec.Bind resolveHost(MountSpec.Bind bind, boolean createMissing) {
        Path host = bind.host();
        try {
            if (createMissing && !Files.exists(host)) {
                // Docker makes the missing directory, parents included, with mode 0755.
                Files.createDirectories(host, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            }
            Path real = host.toRealPath();
            return new MountSpec.Bind(real, bind.target(), bind.readOnly(), bind.propagation(), bind.recursive());
        } catch (NoSuchFileException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "invalid mount config for type \"bind\": bind source path does not exist: " + host);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot prepare the bind mount of " + host + ": " + e.getMessage(), e);
        }
    }
}
