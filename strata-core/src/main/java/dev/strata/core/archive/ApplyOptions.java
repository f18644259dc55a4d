package dev.strata.core.archive;

import dev.strata.core.sys.Credentials;

/**
 * How {@link LayerApplier} writes files.
 *
 * @param privileged whether the process may act as root: set owners from the layer, create devices, set
 *     {@code trusted.*} attributes, and mark opaque directories with {@code trusted.overlay.opaque} (for a
 *     rootful overlay mount) rather than {@code user.overlay.opaque} (for a {@code userxattr} one)
 * @param readAhead decompress and digest in a second thread while files are written
 */
public record ApplyOptions(boolean privileged, boolean readAhead) {
    /** Privileged exactly when running as root; reading ahead. */
    public static ApplyOptions defaults() {
        return new ApplyOptions(Credentials.isRoot(), true);
    }

    /** The attribute that makes a directory opaque for the overlay mounts this process can make. */
    public String opaqueXattr() {
        return privileged ? Whiteouts.TRUSTED_OPAQUE_XATTR : Whiteouts.USER_OPAQUE_XATTR;
    }
}
