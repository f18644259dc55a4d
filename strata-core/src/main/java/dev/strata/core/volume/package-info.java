/**
 * Volumes, as Docker's {@code local} driver keeps them: named and anonymous directories under
 * {@code ROOT/volumes/<name>/_data} with a metadata file beside each, the {@code volume} verbs (create, list,
 * inspect, remove, prune), the parsing of {@code run}'s {@code -v}, {@code --mount} and {@code --tmpfs} flags into
 * {@link dev.strata.core.volume.MountSpec}s, and the copy-up that fills an empty volume from the image.
 * Which container uses which volume is not known here: callers pass a {@link dev.strata.core.volume.VolumeUsers}.
 */
package dev.strata.core.volume;
