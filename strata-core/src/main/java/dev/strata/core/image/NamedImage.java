package dev.strata.core.image;

import dev.strata.core.oci.Reference;
import java.util.List;

/** An image with the tags a medium carries for it (a save/load archive names its images). */
public record NamedImage(Image image, List<Reference> tags) {
    public NamedImage {
        tags = List.copyOf(tags);
    }
}
