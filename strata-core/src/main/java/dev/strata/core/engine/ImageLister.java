package dev.strata.core.engine;

import dev.strata.core.oci.Reference;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The rows of {@code images}: newest first, one per name, intermediate images only when asked for. */
final class ImageLister {
    private ImageLister() {}

    static List<ImageRow> rows(ImageIndex.Snapshot index, boolean all, ImageFilter filter) {
        Set<dev.strata.core.oci.Digest> parents = new HashSet<>();
        for (ImageRecord image : index.images()) {
            if (image.parent() != null) {
                parents.add(image.parent());
            }
        }
        // Parse each creation time once: a comparator that parsed on every comparison would do it n log n times.
        java.util.Map<dev.strata.core.oci.Digest, java.time.Instant> created = new java.util.HashMap<>();
        index.images().forEach(image -> created.put(image.id(), ImageFilter.createdOf(image)));
        List<ImageRecord> images = new ArrayList<>(index.images());
        images.sort((a, b) -> { // newest first, then by ID; one lambda, not a chain of combinators to link
            int byTime = created.get(b.id()).compareTo(created.get(a.id()));
            return byTime != 0 ? byTime : a.id().compareTo(b.id());
        });
        List<ImageRow> rows = new ArrayList<>();
        for (ImageRecord image : images) {
            boolean intermediate = image.tags().isEmpty() && parents.contains(image.id());
            if (intermediate && !all && filter.isEmpty()) {
                continue;
            }
            for (ImageRow row : rowsOf(image, intermediate)) {
                if (filter.test(row)) {
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    private static List<ImageRow> rowsOf(ImageRecord image, boolean intermediate) {
        List<ImageRow> rows = new ArrayList<>();
        for (String tag : image.tags()) {
            Reference ref = Reference.parse(tag);
            rows.add(new ImageRow(image, ref.familiarName(), ref.tag(), digestFor(image, ref.name()), intermediate));
        }
        if (rows.isEmpty()) {
            for (String repoDigest : image.repoDigests()) {
                Reference ref = Reference.parse(repoDigest);
                rows.add(new ImageRow(image, ref.familiarName(), "<none>", ref.digest().toString(), intermediate));
            }
        }
        if (rows.isEmpty()) {
            rows.add(new ImageRow(image, "<none>", "<none>", "<none>", intermediate));
        }
        return rows;
    }

    private static String digestFor(ImageRecord image, String name) {
        for (String repoDigest : image.repoDigests()) {
            Reference ref = Reference.parse(repoDigest);
            if (ref.name().equals(name)) {
                return ref.digest().toString();
            }
        }
        return "<none>";
    }
}
