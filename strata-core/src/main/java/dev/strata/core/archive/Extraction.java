package dev.strata.core.archive;

import static dev.strata.core.sys.ErrnoException.EEXIST;
import static dev.strata.core.sys.ErrnoException.ENOTSUP;
import static dev.strata.core.sys.ErrnoException.EPERM;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Applies the entries of one layer to one directory, in overlayfs form: a whiteout becomes a 0/0
 * character device, an opaque marker an xattr on its directory. Never follows a symbolic link. Directory
 * times are set in {@link #finish()}, after their contents stopped changing them. Not thread-safe.
 */
final class Extraction {
    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private final TargetTree tree;
    private final ApplyOptions options;
    private final WhiteoutEntry whiteouts;
    private final byte[] buffer = new byte[1 << 20];
    /** Directories whose time (and, unprivileged, exact mode) waits for the end, in the order they came. */
    private final Map<String, TarEntry> pendingDirectories = new LinkedHashMap<>();
    private long size;
    private long entries;

    Extraction(Path target, ApplyOptions options) {
        this.tree = new TargetTree(target);
        this.options = options;
        this.whiteouts = new WhiteoutEntry(tree, options);
    }

    long size() {
        return size;
    }

    long entries() {
        return entries;
    }

    void apply(TarEntry entry, LayerReader reader) throws IOException {
        entries++;
        String clean = EntryNames.normalize(entry.name());
        String parent = EntryNames.parent(clean);
        String base = EntryNames.baseName(clean);
        if (parent.startsWith(Whiteouts.META_PREFIX)) {
            return; // inside AUFS bookkeeping such as .wh..wh.plnk/, which old layers carry at the top
        }
        if (parent.startsWith(Whiteouts.PREFIX) || parent.contains("/" + Whiteouts.PREFIX)) {
            throw corrupt(entry, "lies inside a directory with a whiteout name");
        }
        if (base.startsWith(Whiteouts.PREFIX)) {
            whiteouts.apply(entry, parent, base);
            return;
        }
        if (clean.isEmpty()) {
            root(entry);
            return;
        }
        tree.ensureDirectory(parent, entry.name());
        Path path = tree.resolve(clean);
        switch (entry.type()) {
            case DIRECTORY -> directory(entry, clean, path);
            case FILE -> file(entry, clean, path, reader);
            case SYMLINK -> symlink(entry, clean, path);
            case HARDLINK -> hardlink(entry, clean, path);
            case CHAR_DEVICE, BLOCK_DEVICE, FIFO -> node(entry, clean, path);
        }
    }

    /** Sets the times of directories, and their exact modes if unprivileged, now that nothing changes them. */
    void finish() throws IOException {
        for (Map.Entry<String, TarEntry> pending : pendingDirectories.entrySet()) {
            Path path = tree.resolve(pending.getKey());
            TarEntry entry = pending.getValue();
            if (!options.privileged()) {
                PosixFiles.chmod(path, entry.mode());
            }
            PosixFiles.setTimes(path, entry.mtimeSeconds(), entry.mtimeNanos());
        }
    }

    private void root(TarEntry entry) throws IOException {
        if (entry.type() != EntryType.DIRECTORY) {
            throw corrupt(entry, "names the root of the layer but is not a directory");
        }
        directoryMetadata(entry, "", tree.resolve(""));
    }

    private void directory(TarEntry entry, String clean, Path path) throws IOException {
        if (!tree.isDirectory(clean)) {
            try {
                PosixFiles.mkdir(path, 0700);
            } catch (ErrnoException e) {
                if (e.errno() != EEXIST) {
                    throw e;
                }
                // A directory over a directory merges; over anything else it replaces.
                if (!PosixFiles.lstat(path).isDirectory()) {
                    clear(clean, path);
                    PosixFiles.mkdir(path, 0700);
                }
            }
            tree.addDirectory(clean);
        }
        directoryMetadata(entry, clean, path);
    }

    private void directoryMetadata(TarEntry entry, String clean, Path path) throws IOException {
        if (options.privileged()) {
            PosixFiles.lchown(path, entry.uid(), entry.gid());
            PosixFiles.chmod(path, entry.mode());
        } else {
            PosixFiles.chmod(path, entry.mode() | 0700); // we still have to write into it; exact mode in finish()
        }
        xattrs(entry, path, true);
        pendingDirectories.put(clean, entry);
    }

    private void file(TarEntry entry, String clean, Path path, LayerReader reader) throws IOException {
        if (entry.size() == 0) {
            creating(clean, path, () -> PosixFiles.mknod(path, FileStat.S_IFREG | 0600, 0));
        } else {
            try (FileChannel channel = replacing(clean, path, () -> FileChannel.open(path, CREATE_NEW))) {
                int n;
                while ((n = fill(reader)) > 0) {
                    ByteBuffer bytes = ByteBuffer.wrap(buffer, 0, n);
                    while (bytes.hasRemaining()) {
                        channel.write(bytes);
                    }
                    size += n;
                }
            }
        }
        tree.addLayerFile(clean);
        metadata(entry, path, true);
    }

    /** Reads as much content as fits the buffer, so that small and large files alike take few writes. */
    private int fill(LayerReader reader) {
        int filled = 0;
        while (filled < buffer.length) {
            int n = reader.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private void symlink(TarEntry entry, String clean, Path path) throws IOException {
        // Any target is fine, absolute ones included: it is only dangerous if followed, and nothing here follows it.
        creating(clean, path, () -> PosixFiles.symlink(entry.linkTarget(), path));
        tree.addLayerFile(clean);
        metadata(entry, path, false);
    }

    private void hardlink(TarEntry entry, String clean, Path path) throws IOException {
        String linkName = entry.linkName();
        String target;
        try {
            target = EntryNames.normalize(linkName);
        } catch (UnsafeArchiveException e) {
            throw new UnsafeArchiveException(entry.name(),
                    "is a hard link to " + EntryNames.quote(linkName) + ", outside the target directory");
        }
        if (target.equals(clean)) {
            return; // a link to itself changes nothing
        }
        String notInLayer = "is a hard link to " + EntryNames.quote(linkName) + ", which is not an earlier entry of this layer";
        tree.requireDirectory(EntryNames.parent(target), entry.name(), notInLayer);
        if (!tree.isLayerFile(target)) {
            throw new UnsafeArchiveException(entry.name(), notInLayer);
        }
        creating(clean, path, () -> PosixFiles.link(tree.resolve(target), path));
        tree.addLayerFile(clean);
        // The attributes belong to the shared inode and came with the target's entry.
    }

    private void node(TarEntry entry, String clean, Path path) throws IOException {
        int type = switch (entry.type()) {
            case CHAR_DEVICE -> FileStat.S_IFCHR;
            case BLOCK_DEVICE -> FileStat.S_IFBLK;
            default -> FileStat.S_IFIFO;
        };
        long device = type == FileStat.S_IFIFO ? 0 : PosixFiles.makedev(entry.deviceMajor(), entry.deviceMinor());
        try {
            creating(clean, path, () -> PosixFiles.mknod(path, type | 0600, device));
        } catch (ErrnoException e) {
            if (e.errno() == EPERM && !options.privileged() && type != FileStat.S_IFIFO) {
                return; // without CAP_MKNOD devices cannot exist; rootless engines skip them too
            }
            throw e;
        }
        tree.addLayerFile(clean);
        metadata(entry, path, true);
    }

    private void metadata(TarEntry entry, Path path, boolean hasMode) throws IOException {
        if (options.privileged()) {
            PosixFiles.lchown(path, entry.uid(), entry.gid());
        }
        if (hasMode) {
            PosixFiles.chmod(path, entry.mode()); // after chown, which clears setuid and setgid
        }
        xattrs(entry, path, entry.type() == EntryType.FILE);
        PosixFiles.setTimes(path, entry.mtimeSeconds(), entry.mtimeNanos());
    }

    /** Sets the entry's extended attributes, after chown and chmod, which would clear file capabilities. */
    private void xattrs(TarEntry entry, Path path, boolean mayHoldUserXattrs) throws IOException {
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

    /** Runs {@code create}; if something is in the way, removes it (a whole tree if need be) and runs it again. */
    private <T> T replacing(String clean, Path path, Creation<T> create) throws IOException {
        try {
            return create.run();
        } catch (FileAlreadyExistsException e) {
            // fall through
        } catch (ErrnoException e) {
            if (e.errno() != EEXIST) {
                throw e;
            }
        }
        clear(clean, path);
        return create.run();
    }

    private void creating(String clean, Path path, VoidCreation create) throws IOException {
        replacing(clean, path, () -> {
            create.run();
            return null;
        });
    }

    private void clear(String clean, Path path) throws IOException {
        Optional<FileStat> stat = PosixFiles.lstatIfExists(path);
        if (stat.isEmpty()) {
            return;
        }
        boolean directory = stat.get().isDirectory();
        Trees.delete(path);
        tree.forget(clean, directory);
        if (directory) {
            String below = clean + "/";
            pendingDirectories.keySet().removeIf(d -> d.equals(clean) || d.startsWith(below));
        }
    }

    private static StrataException corrupt(TarEntry entry, String problem) {
        return new StrataException(StrataException.Kind.CORRUPT,
                "cannot extract layer: entry " + EntryNames.quote(entry.name()) + " " + problem);
    }

    @FunctionalInterface
    private interface Creation<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface VoidCreation {
        void run() throws IOException;
    }

}
