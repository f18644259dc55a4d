package dev.strata.core.snapshot.copy;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Whiteouts;
import dev.strata.core.snapshot.overlay.LowerStack;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Copies the merged view of a stack of overlay-form snapshots (see {@link LowerStack}) into a plain directory: no
 * whiteouts, no opaque markers, every visible entry with its owner, full mode, times, extended attributes (but
 * overlayfs's own) and device number, and files that share an inode in the snapshots sharing one in the copy. Regular
 * files are copied for a tree something will write ({@link Contents#COPIED}), or hard-linked to the snapshots' for a tree
 * only read ({@link Contents#LINKED}), which costs a walk. Sockets are not copied (no layer can carry one). One instance per
 * copy; not thread-safe.
 */
public final class MergedCopy {
    /** How regular files reach the copy. */
    public enum Contents {
        /** New files with the same contents: the copy may be written. */
        COPIED,
        /** Hard links to the snapshots' files: the copy must only be read. */
        LINKED
    }

    private final Contents contents;
    private final Map<FileStat.Id, Path> copied = new HashMap<>();

    private MergedCopy(Contents contents) {
        this.contents = contents;
    }

    /**
     * Copies what {@code lowersTopFirst} show, merged, into {@code target}, an existing empty directory whose own
     * owner and mode stay as they are (as an overlay mount's root is its upper directory's).
     *
     * @throws StrataException of kind SYSTEM when an entry cannot be read or written (the disk is full, say)
     */
    public static void copy(List<Path> lowersTopFirst, Path target, Contents contents) {
        try {
            new MergedCopy(contents).directory(LowerStack.root(lowersTopFirst), target);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot copy the image's layers into " + target
                    + ": " + e.getMessage(), e);
        }
    }

    private void directory(List<Path> stack, Path to) throws IOException {
        for (String name : LowerStack.visible(stack).keySet()) {
            LowerStack.Lower lower = LowerStack.lookUp(stack, name);
            Path dst = to.resolve(name);
            FileStat stat = lower.stat();
            if (stat.isDirectory()) {
                PosixFiles.mkdir(dst, 0700);
                directory(lower.directories(), dst);
                setMetadata(lower.top(), dst, stat);
            } else if (stat.isRegularFile()) {
                regularFile(lower.top(), stat, dst);
            } else if (stat.isSymbolicLink()) {
                PosixFiles.symlink(PosixFiles.readSymbolicLink(lower.top()), dst);
                PosixFiles.lchown(dst, stat.uid(), stat.gid());
                PosixFiles.setTimes(dst, stat.mtimeSeconds(), stat.mtimeNanos());
            } else if (!stat.isSocket()) {
                PosixFiles.mknod(dst, stat.type() | stat.permissions(), PosixFiles.makedev(stat.rdevMajor(), stat.rdevMinor()));
                setMetadata(lower.top(), dst, stat);
            }
        }
    }

    private void regularFile(Path from, FileStat stat, Path to) throws IOException {
        FileStat.Id key = stat.id();
        Path first = stat.links() > 1 ? copied.get(key) : null;
        if (first != null) {
            PosixFiles.link(first, to); // the snapshots' hard links stay hard links
            return;
        }
        if (contents == Contents.LINKED) {
            PosixFiles.link(from, to);
        } else {
            Files.copy(from, to);
            setMetadata(from, to, stat);
        }
        if (stat.links() > 1) {
            copied.put(key, to);
        }
    }

    /**
     * Gives {@code to} the metadata of {@code from}, never a symbolic link: owner, then the full mode (a change of
     * owner clears setuid), then the extended attributes (a change of owner clears file capabilities) but overlayfs's
     * own (an opaque marker means nothing in a plain tree), then the times.
     */
    static void setMetadata(Path from, Path to, FileStat stat) throws IOException {
        PosixFiles.lchown(to, stat.uid(), stat.gid());
        PosixFiles.chmod(to, stat.permissions());
        copyXattrs(from, to);
        PosixFiles.setTimes(to, stat.mtimeSeconds(), stat.mtimeNanos());
    }

    private static void copyXattrs(Path from, Path to) throws IOException {
        for (String name : Xattrs.list(from)) {
            if (Whiteouts.isOverlayXattr(name)) {
                continue;
            }
            Optional<byte[]> value = Xattrs.get(from, name);
            if (value.isPresent()) {
                Xattrs.set(to, name, value.get());
            }
        }
    }
}
