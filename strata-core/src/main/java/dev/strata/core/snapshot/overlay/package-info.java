/**
 * Containers' root file systems as overlayfs mounts, and what a container changed in them.
 *
 * <p>{@link dev.strata.core.snapshot.overlay.OverlayMount} stacks an image's snapshot directories (top layer
 * first) under a container's upper directory and mounts them, layer by layer through the new mount API so that
 * no number of layers is too many. Its options keep the upper directory plain (no redirects, no metacopy, no
 * index): copied-up files, 0/0 character device whiteouts and opaque directories, which
 * {@link dev.strata.core.archive.LayerWriter} commits as a layer and {@link dev.strata.core.snapshot.overlay.Changes}
 * lists as {@code docker diff} does, without the mount.
 */
package dev.strata.core.snapshot.overlay;
