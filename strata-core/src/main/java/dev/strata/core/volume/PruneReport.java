package dev.strata.core.volume;

import java.util.List;

/**
 * What {@code volume prune} removed: the volumes' names, in the order removed, and the bytes their files took.
 * Immutable.
 */
public record PruneReport(List<String> deleted, long reclaimed) {
    public PruneReport {
        deleted = List.copyOf(deleted);
        if (reclaimed < 0) {
            throw new IllegalArgumentException("reclaimed must not be negative");
        }
    }
}
