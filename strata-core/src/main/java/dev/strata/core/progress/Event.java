package dev.strata.core.progress;

import dev.strata.core.oci.Digest;

/** What the core reports while it works; the CLI decides how (and whether) to show it. */
public sealed interface Event {
    /** Bytes of a layer processed so far ({@code total} is -1 when unknown). */
    record LayerProgress(String action, Digest layer, long current, long total) implements Event {}

    /** A layer that needed no work because the store already had it. */
    record LayerExists(Digest layer) implements Event {}
}
