package dev.strata.core.image.layout;

import dev.strata.core.oci.Digest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A blob held in a local file: its digest and size as the medium vouches for them, the file, and its first bytes
 * (at most {@link #HEAD} of them) so that the compression of a layer can be told without opening the file again.
 */
public record LocalBlob(Digest digest, long size, Path file, byte[] head) {
    /** How many leading bytes a blob's head keeps: enough for every magic number we sniff. */
    public static final int HEAD = 8;

    public LocalBlob {
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(file, "file");
        head = Arrays.copyOf(head, Math.min(head.length, HEAD));
    }

    @Override
    public byte[] head() {
        return head.clone();
    }
}
