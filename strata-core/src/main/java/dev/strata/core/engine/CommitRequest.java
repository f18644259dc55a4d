package dev.strata.core.engine;

import dev.strata.core.oci.Reference;
import java.util.List;

/** {@code commit}'s options: author ({@code -a}), message ({@code -m}), {@code -c} changes, pause, target tag. */
public record CommitRequest(String container, Reference reference, String author, String message,
        List<String> changes, boolean pause) {
    public CommitRequest {
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}
