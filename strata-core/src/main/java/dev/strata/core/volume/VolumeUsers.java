package dev.strata.core.volume;

import java.util.List;

/**
 * Tells which containers use a volume: containers are not this package's concern, so whoever knows them
 * (the container store) answers. Decides {@code dangling=}, whether {@code volume rm} must refuse, and what
 * {@code volume prune} may take. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface VolumeUsers {
    /** No container uses any volume: for stores without containers, and for tests. */
    VolumeUsers NONE = name -> List.of();

    /** The IDs of the containers (running or not) whose mounts name this volume; empty if none. */
    List<String> containersUsing(String volumeName);
}
