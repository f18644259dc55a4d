package dev.strata.core.engine;

import dev.strata.core.container.Container;
import java.util.List;

/**
 * What {@code system df} reports: totals per type and, per image, how much of it is shared with other
 * images and how much is its own; per container its writable layer; per volume its size and users.
 */
public record DiskUsage(long imageCount, long activeImages, long imagesSize, long reclaimable,
        long layerCount, List<ImageUsage> images, List<ContainerUsage> containers, List<VolumeUsage> volumes) {

    /** One image's space: {@code size} = shared + unique. */
    public record ImageUsage(ImageRow row, long size, long sharedSize, long uniqueSize, int containers) {}

    /** One container's writable layer. */
    public record ContainerUsage(Container container, long size) {}

    /** One volume: how many containers use it ({@code links}) and its size. */
    public record VolumeUsage(String name, int links, long size) {}
}
