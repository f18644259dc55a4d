/**
 * Containers' root file systems as plain copies, where overlayfs cannot mount (the {@code vfs} storage driver):
 * {@link dev.strata.core.snapshot.copy.MergedCopy} copies an image's overlay-form snapshots, merged, into a plain
 * tree the container runs on, and {@link dev.strata.core.snapshot.copy.CopyChanges} compares that tree with the
 * snapshots again to write what the container changed in the form of an overlay upper directory, which the layer
 * writer and {@link dev.strata.core.snapshot.overlay.Changes} read as they read a real one.
 */
package dev.strata.core.snapshot.copy;
