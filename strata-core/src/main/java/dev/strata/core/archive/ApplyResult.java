package dev.strata.core.archive;

import dev.strata.core.oci.Digest;
import java.util.Objects;

/**
 * What applying one layer produced.
 *
 * @param diffId sha256 of the uncompressed tar stream, every byte up to its end (padding and trailer included)
 * @param size content bytes of the regular files plus the target lengths of the symbolic links: the lstat sizes
 *     Docker sums as a layer's size
 * @param entries number of tar entries applied, whiteouts included
 */
public record ApplyResult(Digest diffId, long size, long entries) {
    public ApplyResult {
        Objects.requireNonNull(diffId, "diffId");
        if (size < 0 || entries < 0) {
            throw new IllegalArgumentException("size and entries must not be negative");
        }
    }
}
