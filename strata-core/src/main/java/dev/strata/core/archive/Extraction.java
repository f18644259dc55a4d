package dev.strata.core.archive;

import dev.strata.core.sys.FileTrees;

import static dev.strata.core.sys.ErrnoException.EEXIST;
import static dev.strata.core.sys.ErrnoException.EPERM;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.NewFile;
import dev.strata.core.sys.PosixFiles;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the entries of one layer to one directory, in overlayfs form (see {@link WhiteoutEntry}), as they are
 * pushed to it: {@link #header}, a regular file's content in any number of {@link #content} calls, {@link #endEntry}.
 * A tar being read pushes them ({@link LayerApplier#apply}), and so does a tar being written ({@link TarWriter} with
 * this as its {@link EntryMirror}). Never follows a symbolic link. Small files are handed to {@link FileWrites};
 * everything that could change a path a pending file goes through waits for them first. Directory times are set in
 * {@link #finish()}, after their contents stopped changing them. Used by one thread.
 */
final class Extraction implements EntryMirror, AutoCloseable {
    private final TargetTree tree;
    private final ApplyOptions options;
    private final Attributes attributes;
    private final WhiteoutEntry whiteouts;
    private final FileWrites writes;
    /** Where the content of the regular file begun last goes; {@link #SKIPPED} between entries and for the rest. */
    private FileContent open = SKIPPED;
    /** Directories whose time (and, unprivileged, exact mode) waits for the end, in the order they came. */
    private final Map<String, TarEntry> pendingDirectories = new LinkedHashMap<>();
    private long size;
    private long entries;

    Extraction(Path target, ApplyOptions options) {
        this.tree = new TargetTree(target);
        this.options = options;
        this.attributes = new Attributes(options);
        this.whiteouts = new WhiteoutEntry(tree, options);
        this.writes = new FileWrites(options.writers(), options.serialFiles(), attributes);
    }

    long size() {
        return size;
    }

    long entries() {
        return entries;
    }

    @Override
    public void header(TarEntry entry) throws IOException {
        if (open != SKIPPED) {
            throw new IllegalStateException("entry " + entry.name() + " began before the file before it ended");
        }
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
            if (writes.isPending(EntryNames.join(parent, base.substring(Whiteouts.PREFIX.length())))) {
                writes.awaitAll(); // the file it would hide must be there, so that the whiteout yields to it
            }
            whiteouts.apply(entry, parent, base);
            return;
        }
        if (clean.isEmpty()) {
            root(entry);
            return;
        }
        if (writes.isPending(clean)) {
            writes.awaitAll(); // the same path twice: the earlier one must be on disk to be replaced
        }
        tree.ensureDirectory(parent, entry.name());
        Path path = tree.resolve(clean);
        switch (entry.type()) {
            case DIRECTORY -> directory(entry, clean, path);
            case FILE -> file(entry, clean, path);
            case SYMLINK -> symlink(entry, clean, path);
            case HARDLINK -> hardlink(entry, clean, path);
            case CHAR_DEVICE, BLOCK_DEVICE, FIFO -> node(entry, clean, path);
        }
    }

    @Override
    public void content(byte[] bytes, int offset, int length) throws IOException {
        open.write(bytes, offset, length);
    }

    @Override
    public void endEntry() throws IOException {
        FileContent ended = open;
        open = SKIPPED;
        ended.end();
    }

    /** Waits for the pending files, then sets the directories' times, and exact modes if unprivileged. */
    void finish() throws IOException {
        writes.awaitAll();
        for (Map.Entry<String, TarEntry> pending : pendingDirectories.entrySet()) {
            attributes.finishDirectory(tree.resolve(pending.getKey()), pending.getValue());
        }
    }

    @Override
    public void close() {
        open.abandon();
        writes.close();
    }

    private void root(TarEntry entry) throws IOException {
        if (entry.type() != EntryType.DIRECTORY) {
            throw corrupt(entry, "names the root of the layer but is not a directory");
        }
        attributes.applyToDirectory(tree.resolve(""), entry);
        pendingDirectories.put("", entry);
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
        attributes.applyToDirectory(path, entry);
        pendingDirectories.put(clean, entry);
    }

    private void file(TarEntry entry, String clean, Path path) throws IOException {
        boolean madeByLayer = tree.isLayerFile(clean) || tree.isDirectory(clean);
        if (!madeByLayer && writes.takes(entry.size())) {
            open = new BufferedFile(clean, path, entry);
        } else {
            open = new StreamedFile(entry, replacing(clean, path, () -> NewFile.create(path)));
        }
        size += entry.size();
        tree.addLayerFile(clean);
    }

    /** The content of one regular file, as it arrives. */
    private interface FileContent {
        void write(byte[] bytes, int offset, int length) throws IOException;

        /** The content is complete: checks its length, finishes the file. */
        void end() throws IOException;

        /** The entry will not be finished (a failure elsewhere): releases what it holds. */
        void abandon();
    }

    /** Outside a regular file, and for entries that are not applied: content is dropped. */
    private static final FileContent SKIPPED = new FileContent() {
        @Override
        public void write(byte[] bytes, int offset, int length) {}

        @Override
        public void end() {}

        @Override
        public void abandon() {}
    };

    /** A small file collected whole, then handed to {@link FileWrites}. */
    private final class BufferedFile implements FileContent {
        private final String clean;
        private final Path path;
        private final TarEntry entry;
        private final byte[] content;
        private int filled;

        BufferedFile(String clean, Path path, TarEntry entry) {
            this.clean = clean;
            this.path = path;
            this.entry = entry;
            this.content = new byte[(int) entry.size()];
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            if (length > content.length - filled) {
                throw overrun(entry);
            }
            System.arraycopy(bytes, offset, content, filled, length);
            filled += length;
        }

        @Override
        public void end() throws IOException {
            if (filled != content.length) {
                throw truncated();
            }
            writes.submit(clean, path, entry, content);
        }

        @Override
        public void abandon() {}
    }

    /** A file written as its content arrives, through the descriptor it was created with. */
    private final class StreamedFile implements FileContent {
        private final TarEntry entry;
        private final NewFile file;
        private long written;

        StreamedFile(TarEntry entry, NewFile file) {
            this.entry = entry;
            this.file = file;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (length > entry.size() - written) {
                throw overrun(entry);
            }
            file.write(bytes, offset, length);
            written += length;
        }

        @Override
        public void end() throws IOException {
            try (file) {
                if (written != entry.size()) {
                    throw truncated();
                }
                attributes.apply(file, entry);
            }
        }

        @Override
        public void abandon() {
            try {
                file.close();
            } catch (ErrnoException e) {
                // the partly written file goes with the failed layer's directory
            }
        }
    }

    private static StrataException truncated() {
        return new StrataException(StrataException.Kind.CORRUPT, "cannot extract layer: the archive is truncated");
    }

    private static IllegalStateException overrun(TarEntry entry) {
        return new IllegalStateException("more content than the " + entry.size() + " bytes of " + entry.name());
    }

    private void symlink(TarEntry entry, String clean, Path path) throws IOException {
        // Any target is fine, absolute ones included: it is only dangerous if followed, and nothing here follows it.
        creating(clean, path, () -> PosixFiles.symlink(entry.linkTarget(), path));
        // Docker counts a layer's size as the lstat sizes of what it holds, and a link's size is its target's length.
        size += entry.linkTarget().length;
        tree.addLayerFile(clean);
        attributes.apply(path, entry, false);
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
        if (writes.isPending(target)) {
            writes.awaitAll();
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
        attributes.apply(path, entry, true);
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
        writes.awaitAll(); // no pending file may be below what is removed, or be written through what replaces it
        Optional<FileStat> stat = PosixFiles.lstatIfExists(path);
        if (stat.isEmpty()) {
            return;
        }
        boolean directory = stat.get().isDirectory();
        FileTrees.delete(path);
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
