package dev.strata.core.archive;

import dev.strata.core.sys.Credentials;

/**
 * How {@link LayerApplier} writes files.
 *
 * @param privileged whether the process may act as root: set owners from the layer, create devices, set
 *     {@code trusted.*} attributes, and mark opaque directories with {@code trusted.overlay.opaque} (for a
 *     rootful overlay mount) rather than {@code user.overlay.opaque} (for a {@code userxattr} one)
 * @param readAhead decompress and digest in a second thread while files are written
 * @param writers how many threads create small files in parallel; 0 or 1 writes every file in the
 *     calling thread
 */
public record ApplyOptions(boolean privileged, boolean readAhead, int writers) {
    public ApplyOptions {
        if (writers < 0) {
            throw new IllegalArgumentException("writers must not be negative");
        }
    }

    /**
     * Privileged exactly when running as root; reading ahead; as many writers as processors, between four
     * and eight: the kernel's work per file also waits on the disk, so even two processors gain from four
     * (measured: a 20,000-file layer on ext4), while more than eight mostly contend for directory locks.
     */
    public static ApplyOptions defaults() {
        int processors = Runtime.getRuntime().availableProcessors();
        return new ApplyOptions(Credentials.isRoot(), true, Math.min(8, Math.max(4, processors)));
    }

    /** The attribute that makes a directory opaque for the overlay mounts this process can make. */
    public String opaqueXattr() {
        return privileged ? Whiteouts.TRUSTED_OPAQUE_XATTR : Whiteouts.USER_OPAQUE_XATTR;
    }
}
