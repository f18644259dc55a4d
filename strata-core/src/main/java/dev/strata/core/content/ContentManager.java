package dev.strata.core.content;

import dev.strata.core.oci.Digest;
import java.util.List;

/** The management role of a content store: listing and deleting blobs. Thread-safe. */
public interface ContentManager {
    /** Every blob in the store. */
    List<Digest> list();

    /** Deletes the blob; deleting an absent blob is not an error. */
    void delete(Digest digest);
}
