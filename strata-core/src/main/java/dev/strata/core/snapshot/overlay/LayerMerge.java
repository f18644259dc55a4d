package dev.strata.core.snapshot.overlay;

import dev.strata.core.StrataException;
import dev.strata.core.content.Scratch;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Merges layer snapshots, in overlay form (whiteouts as 0/0 character devices, opaque directories marked by the
 * {@code trusted.overlay.opaque} attribute), into one directory of the same form: what {@code build --squash} makes
 * of the layers a build added. Applied bottom layer first, each layer's entries replace what the layers below put
 * at the same path, a whiteout removes it, an opaque directory hides everything below. Regular files are hard links
 * to the snapshots' (read-only) files, so merging costs a walk, not a copy. Not thread-safe per target.
 */
public final class LayerMerge {
    private static final int S_IFCHR = 0020000;

    private LayerMerge() {}

    /** Applies the snapshot directory {@code layer} onto {@code target}, an overlay-form directory on the same file system. */
    public static void apply(Path layer, Path target) {
        try {
            directory(layer, target);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot merge layer " + layer + ": " + e.getMessage(),
                    e);
        }
    }

    private static void directory(Path from, Path to) throws IOException {
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(from)) {
            entries.forEach(children::add);
        }
        for (Path child : children) {
            Path dst = to.resolve(child.getFileName().toString());
            FileStat stat = PosixFiles.lstat(child);
            Optional<FileStat> existing = PosixFiles.lstatIfExists(dst);
            if (stat.isDirectory()) {
                boolean opaque = LowerStack.isOpaque(child);
                if (existing.isPresent() && (opaque || !existing.get().isDirectory())) {
                    remove(dst);
                    existing = Optional.empty();
                }
                if (existing.isEmpty()) {
                    PosixFiles.mkdir(dst, 0700);
                }
                directory(child, dst);
                copyXattrs(child, dst);
                metadata(dst, stat);
            } else {
                if (existing.isPresent()) {
                    remove(dst);
                }
                if (stat.isRegularFile()) {
                    PosixFiles.link(child, dst);
                } else if (stat.isSymbolicLink()) {
                    PosixFiles.symlink(PosixFiles.readSymbolicLink(child), dst);
                    PosixFiles.lchown(dst, stat.uid(), stat.gid());
                    PosixFiles.setTimes(dst, stat.mtimeSeconds(), stat.mtimeNanos());
                } else {
                    PosixFiles.mknod(dst, stat.type() | stat.permissions(),
                            PosixFiles.makedev(stat.rdevMajor(), stat.rdevMinor()));
                    if (!(stat.isCharacterDevice() && stat.rdevMajor() == 0 && stat.rdevMinor() == 0)) {
                        copyXattrs(child, dst);
                    }
                    metadata(dst, stat);
                }
            }
        }
    }

    private static void copyXattrs(Path from, Path to) throws ErrnoException {
        for (String name : Xattrs.list(from)) {
            Optional<byte[]> value = Xattrs.get(from, name);
            if (value.isPresent()) {
                Xattrs.set(to, name, value.get());
            }
        }
    }

    private static void metadata(Path path, FileStat stat) throws ErrnoException {
        PosixFiles.lchown(path, stat.uid(), stat.gid());
        PosixFiles.chmod(path, stat.permissions());
        PosixFiles.setTimes(path, stat.mtimeSeconds(), stat.mtimeNanos());
    }

    private static void remove(Path path) throws IOException {
        Scratch.deleteTree(path);
    }

    /** For tests: a 0/0 character device, the overlay whiteout. */
    static void whiteout(Path path) throws ErrnoException {
        PosixFiles.mknod(path, S_IFCHR, 0);
    }
}
