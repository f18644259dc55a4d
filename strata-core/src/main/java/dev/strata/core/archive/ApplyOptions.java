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
 * @param serialFiles how many small files the calling thread writes itself before the writer threads start:
 *     for a small layer, starting and feeding threads costs more than they save
 */
public record ApplyOptions(boolean privileged, boolean readAhead, int writers, int serialFiles) {
    /**
     * Small layers are written by the calling thread alone up to this many files. Measured on this project's
     * 2-core machine, committing 1,000 new files of 57 bytes: 0.54 s wall and 0.3 s of system CPU with no writer
     * threads, 0.88 s and 0.9 s with four (they contend for the few directories' locks); a 20,000-file layer
     * still gains from them.
     */
    static final int SERIAL_FILES = 2000;

    public ApplyOptions {
        if (writers < 0 || serialFiles < 0) {
            throw new IllegalArgumentException("writers and serialFiles must not be negative");
        }
    }

    /** Writer threads, if any, from the first file on. */
    public ApplyOptions(boolean privileged, boolean readAhead, int writers) {
        this(privileged, readAhead, writers, 0);
    }

    /**
     * Privileged exactly when running as root; reading ahead; as many writers as processors, between four
     * and eight: the kernel's work per file also waits on the disk, so even two processors gain from four
     * (measured: a 20,000-file layer on ext4), while more than eight mostly contend for directory locks; and
     * they start only after the first {@value #SERIAL_FILES} small files.
     */
    public static ApplyOptions defaults() {
        int processors = Runtime.getRuntime().availableProcessors();
        return new ApplyOptions(Credentials.isRoot(), true, Math.min(8, Math.max(4, processors)), SERIAL_FILES);
    }

    /** The attribute that makes a directory opaque for the overlay mounts this process can make. */
    public String opaqueXattr() {
        return privileged ? Whiteouts.TRUSTED_OPAQUE_XATTR : Whiteouts.USER_OPAQUE_XATTR;
    }
}
