package dev.strata.core.snapshot;

import dev.strata.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Chain IDs as the OCI image spec defines them: the chain ID of the bottom layer is its diffID, and each
 * layer above is {@code sha256(parentChainID + " " + diffID)}. A chain ID names a layer together with
 * everything below it, so equal chain IDs mean equal root filesystems.
 */
public final class ChainId {
    private ChainId() {}

    public static Digest of(Digest parent, Digest diffId) {
        if (parent == null) {
            return diffId;
        }
        return Digest.sha256((parent + " " + diffId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The chain IDs of every prefix of these diffIDs, bottom first. */
    public static List<Digest> chain(List<Digest> diffIds) {
        List<Digest> chain = new ArrayList<>(diffIds.size());
        Digest parent = null;
        for (Digest diffId : diffIds) {
            parent = of(parent, diffId);
            chain.add(parent);
        }
        return chain;
    }
}
