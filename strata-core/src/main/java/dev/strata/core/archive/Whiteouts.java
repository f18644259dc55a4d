package dev.strata.core.archive;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.nio.file.Path;

/**
 * The names of the OCI layer format's deletion markers and of the overlayfs attributes that stand for
 * them in an unpacked layer, and the making of an overlay whiteout.
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

    /**
     * Makes {@code path} an overlay whiteout, a 0/0 character device.
     *
     * @throws ErrnoException as {@code mknod} fails, but for a refusal (EPERM): then a {@link StrataException} that
     *     says why, since the store cannot hold a layer that deletes files there
     */
    public static void create(Path path) throws ErrnoException {
        try {
            PosixFiles.mknod(path, FileStat.S_IFCHR, 0);
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EPERM) {
                throw e;
            }
            throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot create the whiteout " + path
                    + ": its file system refuses a 0/0 character device (overlayfs does, as in Docker in Docker, and so"
                    + " does a process without CAP_MKNOD), so a layer that deletes files cannot be kept there; keep the"
                    + " store (--root) on a file system such as ext4 or xfs", e);
        }
    }
}
