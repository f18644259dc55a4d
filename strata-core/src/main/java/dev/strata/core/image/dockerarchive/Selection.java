package dev.strata.core.image.dockerarchive;

import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.NamedImage;
import java.util.List;

/** The images found in an archive and the staged blobs (configs and layers) they need published. */
record Selection(List<NamedImage> images, List<StagedBlob> needed) {
    Selection {
        images = List.copyOf(images);
        needed = List.copyOf(needed);
    }
}
