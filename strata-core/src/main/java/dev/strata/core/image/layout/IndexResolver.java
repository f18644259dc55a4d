package dev.strata.core.image.layout;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Index;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Walks a layout's {@code index.json} down to image manifests: an entry that is itself an index (a multi-platform
 * image) is resolved to its manifest for one platform. Entries naming the same manifest are merged into one
 * image carrying all their tags, in first-seen order.
 */
public final class IndexResolver {
    private static final int MAX_DEPTH = 4;

    private final BlobSource blobs;
    private final Platform platform;
    private final String action;

    /** A resolver over these blobs, choosing {@code platform} in nested indexes; errors say "cannot ACTION". */
    public IndexResolver(BlobSource blobs, Platform platform, String action) {
        this.blobs = blobs;
        this.platform = platform;
        this.action = action;
    }

    /** One image manifest the index leads to, and the tags its entries give it (possibly none). */
    public record Resolved(Descriptor manifest, List<Reference> tags) {
        public Resolved {
            tags = List.copyOf(tags);
        }
    }

    /** The image manifests these index bytes lead to. */
    public List<Resolved> resolve(byte[] rawIndex, String what) {
        Index index = parseIndex(rawIndex, what);
        Map<Digest, Descriptor> manifests = new LinkedHashMap<>();
        Map<Digest, Set<Reference>> tags = new LinkedHashMap<>();
        for (Descriptor entry : index.manifests()) {
            Descriptor manifest = toManifest(entry, 0);
            manifests.putIfAbsent(manifest.digest(), manifest);
            Set<Reference> names = tags.computeIfAbsent(manifest.digest(), d -> new LinkedHashSet<>());
            OciLayout.referenceOf(entry).ifPresent(names::add);
        }
        List<Resolved> resolved = new ArrayList<>();
        manifests.forEach((digest, manifest) -> resolved.add(new Resolved(manifest, List.copyOf(tags.get(digest)))));
        return resolved;
    }

    private Descriptor toManifest(Descriptor entry, int depth) {
        String mediaType = entry.mediaType();
        if (MediaTypes.isManifest(mediaType)) {
            return entry;
        }
        if (mediaType == null) {
            byte[] raw = document(entry, "index entry");
            return isIndexDocument(entry, raw) ? fromNested(entry, raw, depth) : entry;
        }
        if (MediaTypes.isIndex(mediaType)) {
            return fromNested(entry, document(entry, "image index"), depth);
        }
        throw corrupt("index entry " + entry.digest() + " has media type \"" + mediaType + "\", which is not an image");
    }

    private boolean isIndexDocument(Descriptor entry, byte[] raw) {
        try {
            return Json.tree(raw, "index entry " + entry.digest()).has("manifests");
        } catch (StrataException e) {
            throw corrupt(e.getMessage());
        }
    }

    private Descriptor fromNested(Descriptor entry, byte[] raw, int depth) {
        if (depth >= MAX_DEPTH) {
            throw corrupt("image index " + entry.digest() + " nests indexes more than " + MAX_DEPTH + " deep");
        }
        Index nested = parseIndex(raw, "image index " + entry.digest());
        Descriptor chosen = choose(entry.digest(), nested);
        return toManifest(chosen, depth + 1);
    }

    /** The first entry for the wanted platform whose blob is here (a save of one platform omits the others). */
    private Descriptor choose(Digest indexDigest, Index nested) {
        List<Descriptor> candidates = nested.manifests().stream().filter(this::matches).toList();
        if (candidates.isEmpty() && nested.manifests().size() == 1 && nested.manifests().getFirst().platform() == null) {
            candidates = nested.manifests();
        }
        return candidates.stream().filter(d -> blobs.find(d.digest()).isPresent()).findFirst()
                .orElseThrow(() -> corrupt("image index " + indexDigest + " has no image for " + describe(platform)
                        + " in this medium"));
    }

    private boolean matches(Descriptor entry) {
        Platform p = entry.platform();
        if (p == null || !platform.os().equals(p.os()) || !platform.architecture().equals(p.architecture())) {
            return false;
        }
        return platform.variant() == null || p.variant() == null || platform.variant().equals(p.variant());
    }

    private byte[] document(Descriptor entry, String what) {
        byte[] raw = blobs.document(entry.digest(), what + " " + entry.digest());
        if (raw.length != entry.size()) {
            throw corrupt(what + " " + entry.digest() + " is " + raw.length + " bytes, but its descriptor says " + entry.size());
        }
        return raw;
    }

    private Index parseIndex(byte[] raw, String what) {
        try {
            return Index.parse(raw);
        } catch (StrataException e) {
            throw corrupt(what + " is not a valid image index (" + e.getMessage() + ")");
        }
    }

    private static String describe(Platform p) {
        return p.os() + "/" + p.architecture() + (p.variant() == null ? "" : "/" + p.variant());
    }

    private StrataException corrupt(String reason) {
        return new StrataException(StrataException.Kind.CORRUPT, "cannot " + action + ": " + reason);
    }
}
