package dev.strata.core.archive;

import static dev.strata.core.sys.ErrnoException.ENOTSUP;
import static dev.strata.core.sys.ErrnoException.EPERM;

import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.NewFile;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Gives a freshly created file the owner, mode, extended attributes and time of its entry, in the order
 * that keeps them: chown first (it clears setuid, setgid and file capabilities), then chmod, then the
 * attributes, then the time. Stateless and thread-safe.
 */
final class Attributes {
    private final ApplyOptions options;

    Attributes(ApplyOptions options) {
        this.options = options;
    }

    /** Everything but a directory; {@code hasMode} is false for symbolic links, which have none. */
    void apply(Path path, TarEntry entry, boolean hasMode) throws IOException {
        if (options.privileged()) {
            PosixFiles.lchown(path, entry.uid(), entry.gid());
        }
        if (hasMode) {
            PosixFiles.chmod(path, entry.mode());
        }
        xattrs(path, entry, entry.type() == EntryType.FILE);
        PosixFiles.setTimes(path, entry.mtimeSeconds(), entry.mtimeNanos());
    }

    /** The same for a regular file just created and still open, through its descriptor. */
    void apply(NewFile file, TarEntry entry) throws IOException {
        if (options.privileged()) {
            file.chown(entry.uid(), entry.gid());
        }
        file.chmod(entry.mode());
        for (Map.Entry<String, byte[]> xattr : entry.xattrs().entrySet()) {
            String name = xattr.getKey();
            if (Whiteouts.isOverlayXattr(name)) {
                continue;
            }
            try {
                file.setXattr(name, xattr.getValue());
            } catch (ErrnoException e) {
                if (!ignorable(e, name, true)) {
                    throw e;
                }
            }
        }
        file.setTimes(entry.mtimeSeconds(), entry.mtimeNanos());
    }

    /** A directory's owner, mode and attributes; its time is set once its contents stop changing it. */
    void applyToDirectory(Path path, TarEntry entry) throws IOException {
        if (options.privileged()) {
            PosixFiles.lchown(path, entry.uid(), entry.gid());
            PosixFiles.chmod(path, entry.mode());
        } else {
            PosixFiles.chmod(path, entry.mode() | 0700); // we still have to write into it; exact mode at the end
        }
        xattrs(path, entry, true);
    }

    void finishDirectory(Path path, TarEntry entry) throws IOException {
        if (!options.privileged()) {
            PosixFiles.chmod(path, entry.mode());
        }
        PosixFiles.setTimes(path, entry.mtimeSeconds(), entry.mtimeNanos());
    }

    private void xattrs(Path path, TarEntry entry, boolean mayHoldUserXattrs) throws IOException {
        for (Map.Entry<String, byte[]> xattr : entry.xattrs().entrySet()) {
            String name = xattr.getKey();
            if (Whiteouts.isOverlayXattr(name)) {
                continue; // only whiteout entries may speak to overlayfs
            }
            try {
                Xattrs.set(path, name, xattr.getValue());
            } catch (ErrnoException e) {
                if (!ignorable(e, name, mayHoldUserXattrs)) {
                    throw e;
                }
            }
        }
    }

    private boolean ignorable(ErrnoException e, String name, boolean mayHoldUserXattrs) {
        if (e.errno() != EPERM && e.errno() != ENOTSUP) {
            return false;
        }
        if (name.startsWith("user.")) {
            return !mayHoldUserXattrs; // the kernel allows user.* on regular files and directories only
        }
        return !options.privileged() && (name.startsWith("security.") || name.startsWith("trusted."));
    }
}
