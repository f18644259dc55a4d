package dev.strata.core.distribution;

import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;

/**
 * What one pull did: the reference pulled, the digest the registry serves it under (the index's, for a
 * multi-platform image), the local image ID, and whether the image is new here (Docker's "Downloaded newer image"
 * rather than "Image is up to date").
 */
public record PullResult(Reference reference, Digest digest, Digest imageId, boolean newer) {
    /** Docker's last line of a pull of {@code shown}: whether any of {@code results} brought a newer image. */
    public static String statusLine(java.util.List<PullResult> results, String shown) {
        boolean newer = results.stream().anyMatch(PullResult::newer);
        return "Status: " + (newer ? "Downloaded newer image for " : "Image is up to date for ") + shown;
    }
}
