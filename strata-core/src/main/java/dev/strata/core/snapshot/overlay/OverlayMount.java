package dev.strata.core.snapshot.overlay;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FsContext;
import dev.strata.core.sys.MountPoints;
import dev.strata.core.sys.Mounts;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * An overlay mount of a container's root file system: the image's snapshot directories as lower directories
 * (top layer first) and, for a writable mount, the container's own upper and work directories.
 *
 * <p>Mounted with {@code redirect_dir=off}, {@code metacopy=off} and {@code index=off}, so that the upper
 * directory stays a plain tree of copied-up files, 0/0 character device whiteouts and opaque directories:
 * exactly what {@link dev.strata.core.archive.LayerWriter} turns into a layer, and what {@link Changes} reads.
 * Lower directories go to the kernel one by one ({@code lowerdir+}, Linux 6.8), so any number of layers fits;
 * older kernels get one {@code mount(2)} option string, which must fit one page. A read-only mount of a single
 * lower directory is a read-only bind mount, since overlayfs wants two lowers when it has no upper.
 *
 * <p>A mount {@link #withoutSyncs() without syncs} ({@code volatile}, Linux 5.10) never syncs the upper dir's file
 * system: no {@code fsync} from the container waits for the disk, and neither does the unmount. Its upper dir is not
 * safe from a crash of the machine, and overlayfs refuses to mount it again until {@link #allowRemount} is called.
 *
 * <p>Immutable and thread-safe; mounting needs {@code CAP_SYS_ADMIN}.
 *
 * @param lowersTopFirst the lower directories, the top layer first
 * @param upper the writable directory, or null for a read-only mount
 * @param work overlayfs's scratch directory on the same file system as {@code upper}, or null with it
 * @param volatileUpper whether the mount skips syncs of the upper dir (where the kernel can)
 */
public record OverlayMount(List<Path> lowersTopFirst, Path upper, Path work, boolean volatileUpper) {
    private static final List<String> FEATURES_OFF = List.of("redirect_dir", "metacopy", "index");

    public OverlayMount {
        lowersTopFirst = List.copyOf(lowersTopFirst);
        if (lowersTopFirst.isEmpty()) {
            throw new IllegalArgumentException("an overlay mount needs at least one lower directory");
        }
        if ((upper == null) != (work == null)) {
            throw new IllegalArgumentException("an overlay mount needs both an upper and a work directory, or neither");
        }
    }

    public OverlayMount(List<Path> lowersTopFirst, Path upper, Path work) {
        this(lowersTopFirst, upper, work, false);
    }

    /** The same mount, but {@code volatile}: for a container whose files are thrown away when it ends. */
    public OverlayMount withoutSyncs() {
        return new OverlayMount(lowersTopFirst, upper, work, true);
    }

    /**
     * Removes the mark a mount {@link #withoutSyncs() without syncs} leaves in the work dir, which makes overlayfs
     * refuse to mount the upper dir again (it may be incomplete if the machine crashed meanwhile).
     */
    public void allowRemount() {
        if (work == null) {
            return;
        }
        try {
            dev.strata.core.sys.FileTrees.delete(work.resolve("work").resolve("incompat"));
        } catch (java.io.IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot clear " + work + " for a new overlay mount: "
                    + e.getMessage(), e);
        }
    }

    /** A read-only view of the lower directories alone. */
    public static OverlayMount readOnly(List<Path> lowersTopFirst) {
        return new OverlayMount(lowersTopFirst, null, null);
    }

    public boolean isReadOnly() {
        return upper == null;
    }

    /**
     * Mounts on {@code target}, an existing directory.
     *
     * @throws StrataException of kind SYSTEM when the kernel refuses (its own explanation included), of kind
     *     UNSUPPORTED when the layers do not fit a kernel without {@code lowerdir+}
     */
    public void mount(Path target) {
        Objects.requireNonNull(target, "target");
        try {
            if (isReadOnly() && lowersTopFirst.size() == 1) {
                bindReadOnly(lowersTopFirst.getFirst(), target);
            } else if (!mountLayerByLayer(target)) {
                mountWithOptionString(target);
            }
        } catch (ErrnoException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot mount overlay on " + target + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Unmounts {@code target}; nothing happens if nothing is mounted there. A mount still in use (a process
     * has its working directory in it, say) is detached lazily: gone from the tree at once, freed by the
     * kernel when the last user leaves, so a stopped container never blocks its removal.
     */
    public void unmount(Path target) {
        unmountIfMounted(target);
    }

    /** Like {@link #unmount}, for callers that know only the target. */
    public static void unmountIfMounted(Path target) {
        try {
            if (!MountPoints.isMountPoint(target)) {
                return;
            }
            try {
                Mounts.unmount(target, 0);
            } catch (ErrnoException e) {
                if (e.errno() == ErrnoException.EBUSY) {
                    Mounts.unmount(target, Mounts.MNT_DETACH);
                } else if (e.errno() != ErrnoException.EINVAL) { // EINVAL: unmounted meanwhile
                    throw e;
                }
            }
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOENT) {
                return;
            }
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot unmount " + target + ": " + e.getMessage(), e);
        }
    }

    /** Mounts through fsopen/fsconfig; false if this kernel has no {@code lowerdir+} (before Linux 6.8). */
    private boolean mountLayerByLayer(Path target) throws ErrnoException {
        FsContext fs;
        try {
            fs = FsContext.open("overlay");
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOSYS || e.errno() == ErrnoException.EPERM) {
                return false; // before Linux 5.2, or a seccomp filter that blocks the new calls: mount(2) says more
            }
            throw e;
        }
        try (fs) {
            for (int i = 0; i < lowersTopFirst.size(); i++) {
                try {
                    fs.setString("lowerdir+", lowersTopFirst.get(i).toString());
                } catch (ErrnoException e) {
                    if (i == 0 && e.errno() == ErrnoException.EINVAL) {
                        return false;
                    }
                    throw explained(fs, e);
                }
            }
            try {
                if (!isReadOnly()) {
                    // upperdir and workdir are unescaped by the kernel (unlike lowerdir+): a backslash must be doubled.
                    fs.setString("upperdir", escapeBackslashes(upper.toString()));
                    fs.setString("workdir", escapeBackslashes(work.toString()));
                }
                for (String feature : FEATURES_OFF) {
                    fs.setString(feature, "off");
                }
                if (volatileUpper && !isReadOnly()) {
                    setVolatile(fs);
                }
                fs.mount(target, isReadOnly() ? FsContext.MOUNT_ATTR_RDONLY : 0);
            } catch (ErrnoException e) {
                throw explained(fs, e);
            }
            return true;
        }
    }

    /** Asks for {@code volatile}; a kernel before 5.10 does not know it, and syncs as usual. */
    private static void setVolatile(FsContext fs) throws ErrnoException {
        try {
            fs.setFlag("volatile");
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EINVAL) {
                throw e;
            }
        }
    }

    /** The {@code mount(2)} path for kernels without {@code lowerdir+}; package-private so tests can take it. */
    void mountWithOptionString(Path target) throws ErrnoException {
        String options = optionString();
        int bytes = options.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > Mounts.MAX_OPTIONS_BYTES) {
            throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot mount overlay on " + target + ": the "
                    + lowersTopFirst.size() + " layer directories need " + bytes + " bytes of mount options, more than the "
                    + Mounts.MAX_OPTIONS_BYTES + " this kernel takes in one mount(2) call; Linux 6.8 or later mounts any"
                    + " number of layers (lowerdir+), or use an image with fewer layers");
        }
        Mounts.mount("overlay", target, "overlay", isReadOnly() ? Mounts.MS_RDONLY : 0, options);
    }

    /** The {@code mount(2)} option string, with {@code \ : ,} escaped as overlayfs reads them. */
    String optionString() {
        StringBuilder options = new StringBuilder("lowerdir=");
        for (int i = 0; i < lowersTopFirst.size(); i++) {
            options.append(i == 0 ? "" : ":").append(escape(lowersTopFirst.get(i).toString()));
        }
        if (!isReadOnly()) {
            options.append(",upperdir=").append(escape(upper.toString()))
                    .append(",workdir=").append(escape(work.toString()));
        }
        for (String feature : FEATURES_OFF) {
            options.append(',').append(feature).append("=off");
        }
        return options.toString();
    }

    private static void bindReadOnly(Path source, Path target) throws ErrnoException {
        Mounts.mount(source.toString(), target, null, Mounts.MS_BIND, null);
        try {
            Mounts.mount("none", target, null, Mounts.MS_REMOUNT | Mounts.MS_BIND | Mounts.MS_RDONLY, null);
        } catch (ErrnoException e) {
            Mounts.unmount(target, Mounts.MNT_DETACH);
            throw e;
        }
    }

    /**
     * Adds the kernel's reason: the context's own log where overlayfs wrote to it, else a pointer to the kernel
     * log, where overlayfs writes most of its refusals.
     */
    private static ErrnoException explained(FsContext fs, ErrnoException e) {
        String kernel = fs.messages();
        String reason = !kernel.isEmpty() ? " (kernel: " + kernel + ")"
                : e.errno() == ErrnoException.EINVAL ? " (overlayfs gives its reason in the kernel log, dmesg)" : "";
        if (reason.isEmpty()) {
            return e;
        }
        ErrnoException withReason = new ErrnoException(e.operation(), e.path() + reason, e.errno());
        withReason.initCause(e);
        return withReason;
    }

    private static String escape(String path) {
        return path.replace("\\", "\\\\").replace(":", "\\:").replace(",", "\\,");
    }

    private static String escapeBackslashes(String path) {
        return path.replace("\\", "\\\\");
    }
}
