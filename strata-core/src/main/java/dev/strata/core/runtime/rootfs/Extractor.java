package dev.strata.core.runtime.rootfs;

import dev.strata.core.StrataException;
import dev.strata.core.archive.EntryType;
import dev.strata.core.archive.TarEntry;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.NewFile;
import dev.strata.core.sys.PathHandle;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes entries into a directory of a container's root file system, as {@code docker cp} extracts: an entry
 * name is taken below the destination (a leading {@code /} too; {@code ..} above it is refused), and every
 * path is looked up in the container's root the way the container sees it, symbolic links included, but
 * never leaving the root ({@link PathHandle#resolveInRoot}). A file is then created by name inside a
 * directory held open, with calls that do not follow a last symbolic link, so nothing lands on the host
 * whatever links the container holds or makes meanwhile. Directory times are set last, as writing into a
 * directory changes them. Not thread-safe; one per copy.
 */
final class Extractor implements EntrySink, AutoCloseable {
    private record DirectoryTime(ContainerPath path, long seconds, int nanos) {}

    private final PathHandle root;
    private final ContainerPath destination;
    private final ExtractOptions options;
    private final List<DirectoryTime> directoryTimes = new ArrayList<>();
    private ContainerPath cachedPath;
    private PathHandle cachedParent;

    /** @param destination an existing directory, as the container names it */
    Extractor(PathHandle root, ContainerPath destination, ExtractOptions options) {
        this.root = root;
        this.destination = destination;
        this.options = options;
    }

    @Override
    public void add(TarEntry entry, InputStream content) throws IOException {
        String clean = EntryNames.inside(entry.name(), "entry");
        if (clean.isEmpty()) {
            if (entry.type() != EntryType.DIRECTORY) {
                throw conflict(destination, "a directory", "cannot be replaced by the file " + entry.name());
            }
            return; // the destination itself, which exists
        }
        ContainerPath target = below(clean);
        PathHandle parent = parent(target.parent());
        String base = target.base();
        Path place = parent.resolve(base);
        Optional<FileStat> existing = PosixFiles.lstatIfExists(place);
        boolean directory = entry.type() == EntryType.DIRECTORY;
        if (existing.isPresent()) {
            boolean existingDirectory = existing.get().isDirectory();
            if (existingDirectory && directory) {
                attributes(entry, target, parent, base);
                return;
            }
            if ((existingDirectory || directory) && options.noOverwriteDirNonDir()) {
                throw existingDirectory
                        ? conflict(target, "a directory", "cannot be replaced by a non-directory")
                        : conflict(target, "not a directory", "cannot be replaced by a directory");
            }
            deleteTree(parent, base);
        }
        create(entry, content, target, parent, base);
    }

    private void create(TarEntry entry, InputStream content, ContainerPath target, PathHandle parent, String base)
            throws IOException {
        Path place = parent.resolve(base);
        switch (entry.type()) {
            case DIRECTORY -> {
                PosixFiles.mkdir(place, 0700);
                attributes(entry, target, parent, base);
            }
            case FILE -> regular(entry, content, place);
            case SYMLINK -> {
                PosixFiles.symlink(entry.linkTarget(), place);
                PosixFiles.lchown(place, uid(entry), gid(entry));
                PosixFiles.setTimes(place, entry.mtimeSeconds(), entry.mtimeNanos());
            }
            case HARDLINK -> hardLink(entry, place);
            case CHAR_DEVICE, BLOCK_DEVICE, FIFO -> {
                int type = switch (entry.type()) {
                    case CHAR_DEVICE -> FileStat.S_IFCHR;
                    case BLOCK_DEVICE -> FileStat.S_IFBLK;
                    default -> FileStat.S_IFIFO;
                };
                PosixFiles.mknod(place, type | 0600, PosixFiles.makedev(entry.deviceMajor(), entry.deviceMinor()));
                attributes(entry, target, parent, base);
            }
        }
    }

    private void regular(TarEntry entry, InputStream content, Path place) throws IOException {
        try (NewFile file = NewFile.create(place)) {
            byte[] buffer = new byte[(int) Math.min(1 << 16, Math.max(1, entry.size()))];
            long remaining = entry.size();
            while (remaining > 0) {
                int n = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw new StrataException(StrataException.Kind.CORRUPT, "cannot copy to container: the archive"
                            + " ends inside " + entry.name());
                }
                file.write(buffer, 0, n);
                remaining -= n;
            }
            file.chown(uid(entry), gid(entry)); // before chmod: chown clears setuid and setgid
            file.chmod(entry.mode());
            for (Map.Entry<String, byte[]> xattr : entry.xattrs().entrySet()) {
                file.setXattr(xattr.getKey(), xattr.getValue());
            }
            file.setTimes(entry.mtimeSeconds(), entry.mtimeNanos());
        }
    }

    private void hardLink(TarEntry entry, Path place) throws IOException {
        ContainerPath linked = below(EntryNames.inside(entry.linkName(), "hard link target of " + entry.name() + ":"));
        try (PathHandle linkedParent = root.resolveInRoot(linked.parent().relative(), true)) {
            PosixFiles.link(linkedParent.resolve(linked.base()), place);
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOENT) {
                throw new StrataException(StrataException.Kind.NOT_FOUND, "cannot copy to container: "
                        + entry.name() + " is a hard link to " + entry.linkName() + ", which is not there");
            }
            throw e;
        }
    }

    /**
     * Owner, mode and extended attributes of what was just made at {@code base}; directory times later. The
     * mode is set through a handle on the file itself, because chmod would follow a link put in its place.
     */
    private void attributes(TarEntry entry, ContainerPath target, PathHandle parent, String base) throws IOException {
        Path place = parent.resolve(base);
        try (PathHandle made = parent.child(base)) {
            FileStat stat = made.stat();
            if (stat.isSymbolicLink()) {
                throw conflict(target, "replaced by a symbolic link", "while it was being copied");
            }
            PosixFiles.lchown(place, uid(entry), gid(entry));
            PosixFiles.chmod(made.path(), entry.mode());
        }
        for (Map.Entry<String, byte[]> xattr : entry.xattrs().entrySet()) {
            Xattrs.set(place, xattr.getKey(), xattr.getValue());
        }
        if (entry.type() == EntryType.DIRECTORY) {
            directoryTimes.add(new DirectoryTime(target, entry.mtimeSeconds(), entry.mtimeNanos()));
        } else {
            PosixFiles.setTimes(place, entry.mtimeSeconds(), entry.mtimeNanos());
        }
    }

    /** Sets the times of the directories written, deepest last written first. */
    void finish() throws IOException {
        closeCached();
        for (int i = directoryTimes.size() - 1; i >= 0; i--) {
            DirectoryTime time = directoryTimes.get(i);
            try (PathHandle parent = root.resolveInRoot(time.path().parent().relative(), true)) {
                PosixFiles.setTimes(parent.resolve(time.path().base()), time.seconds(), time.nanos());
            } catch (ErrnoException e) {
                if (e.errno() != ErrnoException.ENOENT) {
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        closeCached();
    }

    private PathHandle parent(ContainerPath dir) throws IOException {
        if (dir.equals(cachedPath)) {
            return cachedParent;
        }
        closeCached();
        cachedParent = ensureDirectory(dir);
        cachedPath = dir;
        return cachedParent;
    }

    /** The directory at {@code dir}, made (0755, root's) with its missing parents as Docker does. */
    private PathHandle ensureDirectory(ContainerPath dir) throws IOException {
        PathHandle handle;
        try {
            handle = root.resolveInRoot(dir.relative(), true);
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.ENOENT || dir.isRoot()) {
                throw e;
            }
            try (PathHandle up = ensureDirectory(dir.parent())) {
                makeDirectory(up, dir.base());
            }
            try {
                handle = root.resolveInRoot(dir.relative(), true);
            } catch (ErrnoException again) {
                if (again.errno() == ErrnoException.ENOENT) {
                    throw conflict(dir, "a symbolic link to nothing", "cannot hold the files copied");
                }
                throw again;
            }
        }
        if (!handle.stat().isDirectory()) {
            handle.close();
            throw conflict(dir, "not a directory", "cannot hold the files copied");
        }
        return handle;
    }

    private static void makeDirectory(PathHandle parent, String name) throws IOException {
        try {
            PosixFiles.mkdir(parent.resolve(name), 0755);
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.EEXIST) {
                return; // made meanwhile, or a link: the lookup after this tells
            }
            throw e;
        }
        try (PathHandle made = parent.child(name)) {
            if (made.stat().isDirectory()) {
                PosixFiles.lchown(parent.resolve(name), 0, 0);
                PosixFiles.chmod(made.path(), 0755);
            }
        }
    }

    private void closeCached() {
        if (cachedParent != null) {
            cachedParent.close();
            cachedParent = null;
            cachedPath = null;
        }
    }

    private ContainerPath below(String clean) {
        return ContainerPath.parse(destination.clean() + "/" + clean);
    }

    // IDs travel as unsigned 32-bit numbers; the cast keeps the bits the kernel reads.
    private int uid(TarEntry entry) {
        return (int) (options.ownership() instanceof Ownership.Fixed(long uid, long gid) ? uid : entry.uid());
    }

    private int gid(TarEntry entry) {
        return (int) (options.ownership() instanceof Ownership.Fixed(long uid, long gid) ? gid : entry.gid());
    }

    /** Removes {@code name} of {@code parent} and, for a directory, all below it, never following a link. */
    private static void deleteTree(PathHandle parent, String name) throws IOException {
        try (PathHandle file = parent.child(name)) {
            if (file.stat().isDirectory()) {
                List<String> children = new ArrayList<>();
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(file.path())) {
                    entries.forEach(child -> children.add(child.getFileName().toString()));
                }
                for (String child : children) {
                    deleteTree(file, child);
                }
            }
        }
        Files.delete(parent.resolve(name));
    }

    private static StrataException conflict(ContainerPath path, String is, String problem) {
        return new StrataException(StrataException.Kind.CONFLICT,
                "cannot copy to container: " + path.clean() + " is " + is + " and " + problem);
    }
}
