package dev.strata.core.store;

import dev.strata.core.oci.Reference;
import java.util.ArrayList;
import java.util.List;

/** Pure functions that move tags between index entries, as {@code docker tag} and {@code load} do. */
public final class Tagging {
    private Tagging() {}

    /** The index with this image present and these tags pointing at it (taken away from any other image). */
    static ImageIndex.Snapshot addImage(ImageIndex.Snapshot index, ImageRecord image, List<Reference> tags, String tagTime) {
        ImageRecord current = index.byId(image.id()).orElse(image);
        ImageIndex.Snapshot result = index.with(current);
        for (Reference tag : tags) {
            result = tag(result, current.id(), tag.withDefaultTag().toString(), tagTime);
        }
        return result;
    }

    /** The index with {@code tag} on image {@code id} and on no other image (the caller holds the store lock). */
    public static ImageIndex.Snapshot tag(ImageIndex.Snapshot index, dev.strata.core.oci.Digest id, Reference tag, String tagTime) {
        return tag(index, id, tag.withDefaultTag().toString(), tagTime);
    }

    static ImageIndex.Snapshot tag(ImageIndex.Snapshot index, dev.strata.core.oci.Digest id, String tag, String tagTime) {
        ImageIndex.Snapshot result = index;
        var owner = result.byTag(tag);
        if (owner.isPresent() && !owner.get().id().equals(id)) {
            List<String> rest = new ArrayList<>(owner.get().tags());
            rest.remove(tag);
            result = result.with(owner.get().withTags(rest, owner.get().lastTagTime()));
        }
        ImageRecord target = result.byId(id).orElseThrow();
        if (!target.tags().contains(tag)) {
            List<String> more = new ArrayList<>(target.tags());
            more.add(tag);
            result = result.with(target.withTags(more, tagTime));
        }
        return result;
    }

}
