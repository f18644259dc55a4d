/**
 * The layer format: applying layer tars to directories and writing directories as layer tars.
 *
 * <p>{@link dev.strata.core.archive.LayerApplier} unpacks a layer (any {@link dev.strata.core.archive.Compression})
 * into a snapshot directory in overlayfs form: a {@code .wh.NAME} whiteout becomes a 0/0 character device
 * {@code NAME}, an opaque marker {@code .wh..wh..opq} becomes the {@code trusted.overlay.opaque=y} attribute
 * of its directory, so the directory can be an overlay lower directory as it is.
 * {@link dev.strata.core.archive.LayerWriter} does the reverse for an overlay upper directory, and writes
 * any tree deterministically. Both compute the diffID while streaming.
 *
 * <p>Reading ({@link dev.strata.core.archive.TarReader}) uses Commons Compress's tar parser, with the raw
 * header blocks read alongside for what it cannot hand over intact (absolute names in PAX and GNU long names,
 * binary xattr values). Writing ({@link dev.strata.core.archive.TarWriter}) uses a small writer of our own,
 * because a layer's bytes must depend on nothing but the tree. Both are public for the other tar archives of
 * the engine ({@code docker cp} and {@code docker export} in {@code runtime.rootfs}), which have no whiteouts.
 *
 * <p>Safety: no entry is ever written through a symbolic link or outside the target. Entry names are
 * normalised lexically; parent directories are checked without following links and remembered, so each
 * directory is looked at once per layer; files are created with {@code O_EXCL|O_NOFOLLOW}.
 */
package dev.strata.core.archive;
