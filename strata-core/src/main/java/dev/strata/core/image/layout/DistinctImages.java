package dev.strata.core.image.layout;

import dev.strata.core.StrataException;
import dev.strata.core.image.NamedImage;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images of a save request made distinct, as Docker does: one entry per manifest with the union of its
 * tags, in first-seen order. Only tags are kept: a name without tag means {@code :latest}, and a reference by
 * digest alone names no tag.
 */
public final class DistinctImages {
    private DistinctImages() {}

    /** The distinct images; refuses a tag that names two different images. */
    public static List<NamedImage> of(List<NamedImage> images) {
        Map<Digest, NamedImage> first = new LinkedHashMap<>();
        Map<Digest, Set<Reference>> tags = new HashMap<>();
        Map<Reference, Digest> owner = new HashMap<>();
        for (NamedImage named : images) {
            Digest manifest = named.image().manifestDescriptor().digest();
            first.putIfAbsent(manifest, named);
            Set<Reference> own = tags.computeIfAbsent(manifest, d -> new LinkedHashSet<>());
            for (Reference reference : named.tags()) {
                if (reference.tag() == null && reference.digest() != null) {
                    continue;
                }
                Reference defaulted = reference.withDefaultTag();
                Reference tagged = defaulted.withTag(defaulted.tag());
                Digest previous = owner.putIfAbsent(tagged, manifest);
                if (previous != null && !previous.equals(manifest)) {
                    throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot save images: "
                            + tagged.familiar() + " names two different images (manifests " + previous.shortHex()
                            + " and " + manifest.shortHex() + ")");
                }
                own.add(tagged);
            }
        }
        List<NamedImage> distinct = new ArrayList<>();
        first.forEach((digest, named) -> distinct.add(new NamedImage(named.image(), List.copyOf(tags.get(digest)))));
        return distinct;
    }
}
