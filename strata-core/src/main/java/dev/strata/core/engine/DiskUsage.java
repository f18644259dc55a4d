package dev.strata.core.engine;

import java.util.List;

/**
 * What {@code system df} reports: totals per type and, per image, how much of it is shared with other
 * images and how much is its own.
 */
public record DiskUsage(long imageCount, long activeImages, long imagesSize, long reclaimable,
        long layerCount, List<ImageUsage> images) {

    /** One image's space: {@code size} = shared + unique. */
    public record ImageUsage(ImageRow row, long size, long sharedSize, long uniqueSize, int containers) {}
}
