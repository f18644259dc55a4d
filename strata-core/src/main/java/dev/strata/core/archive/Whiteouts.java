package dev.strata.core.archive;

/**
 * The names of the OCI layer format's deletion markers and of the overlayfs attributes that stand for
 * them in an unpacked layer.
 */
public final class Whiteouts {
    /** A regular file {@code .wh.NAME} in a layer deletes {@code NAME} of the layers below. */
    public static final String PREFIX = ".wh.";
    /** A file of this name in directory D hides everything the layers below have in D. */
    public static final String OPAQUE = ".wh..wh..opq";
    /** Names that start with this are AUFS bookkeeping (such as {@code .wh..wh.plnk}), not whiteouts. */
    public static final String META_PREFIX = ".wh..wh.";
    /** overlayfs marks an opaque directory with this attribute set to {@code y} (rootful mounts). */
    public static final String TRUSTED_OPAQUE_XATTR = "trusted.overlay.opaque";
    /** The same for mounts with the {@code userxattr} option (rootless mounts). */
    public static final String USER_OPAQUE_XATTR = "user.overlay.opaque";

    private Whiteouts() {}

    /** True for any name overlayfs or the layer format reserves: a whiteout, the opaque marker or AUFS metadata. */
    public static boolean isReserved(String baseName) {
        return baseName.startsWith(PREFIX);
    }

    /** True for the extended attributes that belong to overlayfs itself and never travel in a layer. */
    public static boolean isOverlayXattr(String name) {
        return name.startsWith("trusted.overlay.") || name.startsWith("user.overlay.");
    }
}
