package dev.strata.core.progress;

import dev.strata.core.oci.Digest;

/** What the core reports while it works; the CLI decides how (and whether) to show it. */
public sealed interface Event {
    /** Bytes of a layer processed so far ({@code total} is -1 when unknown). */
    record LayerProgress(String action, Digest layer, long current, long total) implements Event {}

    /** A layer that needed no work because the store already had it. */
    record LayerExists(Digest layer) implements Event {}

    /**
     * A step of a pull or push, as Docker's progress stream words it: {@code id} is a layer's short ID, a tag, or
     * null for a line about the whole image; {@code status} is Docker's text ("Pulling fs layer", "Download
     * complete", "Layer already exists", "Pulling from library/busybox" …).
     */
    record Status(String id, String status) implements Event {}
}
