package dev.strata.core.archive;

import dev.strata.core.oci.Digest;
import java.util.Objects;

/**
 * What writing one layer tar produced.
 *
 * @param diffId sha256 of exactly the bytes written
 * @param size sum of the content bytes of the regular files written (hard links count once)
 */
public record LayerResult(Digest diffId, long size) {
    public LayerResult {
        Objects.requireNonNull(diffId, "diffId");
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative");
        }
    }
}
