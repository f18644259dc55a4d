package dev.strata.core.store;

import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;

/** Public entry to moving one tag onto an image (the caller holds the store lock). */
public final class TagUpdate {
    private TagUpdate() {}

    public static ImageIndex.Snapshot tag(ImageIndex.Snapshot index, Digest id, Reference tag, String tagTime) {
        return Tagging.tag(index, id, tag.withDefaultTag().toString(), tagTime);
    }
}
