package dev.strata.core.runtime.rootfs;

import dev.strata.core.archive.EntryType;
import dev.strata.core.archive.TarEntry;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PathHandle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Walks a tree as entries, depth first, names sorted bytewise in each directory, a directory right before its
 * contents (the order of Docker's archives). Every file is opened by name in a directory already held open and
 * never through a symbolic link, so a running container that swaps a directory for a link mid-walk cannot
 * make the walk read outside its tree. Symbolic links are archived as links; sockets are left out (tar has no
 * form for them). Hard links after the first become link entries. Only {@code security.capability} travels
 * among extended attributes, as with Docker. Not thread-safe.
 */
final class TreeArchiver {
    private static final String CAPABILITY = "security.capability";

    private final EntrySink sink;
    private final Set<String> skipContents;
    private final Map<FileStat.Id, String> firstNames = new HashMap<>();

    /**
     * @param skipContents entry names whose contents are left out: such a directory is written empty, such a
     *     file not at all (mount points of the caller's)
     */
    TreeArchiver(EntrySink sink, Set<String> skipContents) {
        this.sink = sink;
        this.skipContents = Set.copyOf(skipContents);
    }

    /**
     * Writes the pinned file as the entry {@code name}, and a directory's contents below it; the contents of
     * a directory named {@code .} are written without a prefix, as {@code docker cp CTR:dir/. -} does.
     */
    void write(PathHandle file, String name) throws IOException {
        FileStat stat = file.stat();
        if (stat.isSocket() || (skipContents.contains(name) && !stat.isDirectory())) {
            return;
        }
        emit(file, name, stat);
        if (stat.isDirectory() && !skipContents.contains(name)) {
            writeContents(file, name.equals(".") ? "" : name + "/");
        }
    }

    /** Writes what the pinned directory holds, each name after {@code prefix}, but not the directory itself. */
    void writeContents(PathHandle dir, String prefix) throws IOException {
        for (String child : sortedNames(dir.path())) {
            PathHandle handle;
            try {
                handle = dir.child(child);
            } catch (ErrnoException e) {
                if (e.errno() == ErrnoException.ENOENT) {
                    continue; // deleted since the listing: the archive shows the tree a moment later
                }
                throw e;
            }
            try (handle) {
                write(handle, prefix + child);
            }
        }
    }

    private void emit(PathHandle file, String name, FileStat stat) throws IOException {
        if (!stat.isDirectory() && stat.links() > 1) {
            String first = firstNames.putIfAbsent(stat.id(), name);
            if (first != null) {
                sink.add(entry(name, EntryType.HARDLINK, stat, 0, first.getBytes(StandardCharsets.UTF_8), Map.of()),
                        InputStream.nullInputStream());
                return;
            }
        }
        switch (stat.type()) {
            case FileStat.S_IFDIR -> sink.add(entry(name, EntryType.DIRECTORY, stat, 0, null, capability(file)),
                    InputStream.nullInputStream());
            case FileStat.S_IFREG -> {
                TarEntry entry = entry(name, EntryType.FILE, stat, stat.size(), null, capability(file));
                try (InputStream content = Files.newInputStream(file.path())) {
                    sink.add(entry, new ExactLength(content, stat.size()));
                }
            }
            case FileStat.S_IFLNK -> sink.add(entry(name, EntryType.SYMLINK, stat, 0, file.readLink(), Map.of()),
                    InputStream.nullInputStream());
            case FileStat.S_IFCHR -> sink.add(entry(name, EntryType.CHAR_DEVICE, stat, 0, null, Map.of()),
                    InputStream.nullInputStream());
            case FileStat.S_IFBLK -> sink.add(entry(name, EntryType.BLOCK_DEVICE, stat, 0, null, Map.of()),
                    InputStream.nullInputStream());
            case FileStat.S_IFIFO -> sink.add(entry(name, EntryType.FIFO, stat, 0, null, Map.of()),
                    InputStream.nullInputStream());
            default -> { } // sockets were left out above; nothing else exists
        }
    }

    private static TarEntry entry(String name, EntryType type, FileStat stat, long size, byte[] link,
                                  Map<String, byte[]> xattrs) {
        return new TarEntry(name, type, link, stat.permissions(), stat.uid(), stat.gid(), size, stat.mtimeSeconds(),
                stat.mtimeNanos(), stat.rdevMajor(), stat.rdevMinor(), xattrs);
    }

    private static Map<String, byte[]> capability(PathHandle file) throws IOException {
        Optional<byte[]> value = file.getXattr(CAPABILITY);
        return value.isPresent() ? Map.of(CAPABILITY, value.get()) : Map.of();
    }

    private static List<String> sortedNames(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        }
        names.sort((a, b) -> Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        return names;
    }

    /**
     * A file's content cut or padded with zeros to the size its header announced: a running container may
     * write to a file while it is archived, and the archive must stay well formed.
     */
    private static final class ExactLength extends InputStream {
        private final InputStream in;
        private long remaining;
        private boolean ended;

        ExactLength(InputStream in, long length) {
            this.in = in;
            this.remaining = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int want = (int) Math.min(len, remaining);
            int n = ended ? -1 : in.read(b, off, want);
            if (n < 0) {
                ended = true;
                Arrays.fill(b, off, off + want, (byte) 0);
                n = want;
            }
            remaining -= n;
            return n;
        }
    }
}
