package dev.strata.core.progress;

import dev.strata.core.oci.Digest;

/** What the core reports while it works; the CLI decides how (and whether) to show it. */
public sealed interface Event {
    /** Bytes of a layer processed so far ({@code total} is -1 when unknown). */
    record LayerProgress(String action, Digest layer, long current, long total) implements Event {}

    /** A layer that needed no work because the store already had it. */
    record LayerExists(Digest layer) implements Event {}

    /** An image the operation added or named: {@code name} is null for an untagged image. */
    record ImageLoaded(String name, Digest id) implements Event {}

    /** An informational line (e.g. a warning) for the user. */
    record Note(String text) implements Event {}
}
