package dev.strata.core.archive;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileReads;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Walks a tree depth first and hands each file to {@link TarWriter}. Within a directory, whiteouts come
 * first (the image spec asks for them before sibling directories), then the rest in byte order of their
 * names; a directory comes right before its contents. Not thread-safe.
 */
final class TreeWriter {
    private record Child(Path path, String name, byte[] sortKey, FileStat stat, boolean whiteout) {}

    private static final Comparator<Child> ORDER = Comparator
            .comparing((Child c) -> !c.whiteout())
            .thenComparing(Child::sortKey, Arrays::compareUnsigned);

    private final TarWriter tar;
    private final FileReads reads;
    private final Map<FileStat.Id, String> firstNames = new HashMap<>();
    private final byte[] buffer = new byte[1 << 20];
    private long size;

    /** File times later than this (seconds since 1970) are written as this time: reproducible builds. */
    private long latestTime = Long.MAX_VALUE;

    /** @param reads asks the kernel about the tree's files; the caller closes it after the walk */
    TreeWriter(TarWriter tar, FileReads reads) {
        this.tar = tar;
        this.reads = reads;
    }

    long size() {
        return size;
    }

    void directory(Path dir, String prefix) throws IOException {
        for (Child child : children(dir, prefix)) {
            String name = prefix + child.name();
            FileStat stat = child.stat();
            if (child.whiteout()) {
                tar.header(whiteout(name, stat));
                continue;
            }
            Map<String, byte[]> xattrs = xattrs(child.path(), reads);
            if (stat.isDirectory()) {
                tar.header(entry(name + "/", EntryType.DIRECTORY, stat, 0, null, layerXattrs(xattrs)));
                if (isOpaque(xattrs)) {
                    tar.header(whiteout(name + "/" + Whiteouts.OPAQUE, stat));
                }
                directory(child.path(), name + "/");
            } else {
                file(child.path(), name, stat, layerXattrs(xattrs));
            }
        }
    }

    private List<Child> children(Path dir, String prefix) throws IOException {
        List<Child> children = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path path : entries) {
                String name = path.getFileName().toString();
                FileStat stat = reads.lstat(path);
                if (stat.isSocket()) {
                    continue; // tar has no form for a socket; it belongs to a running process anyway
                }
                boolean whiteout = stat.isCharacterDevice() && stat.rdevMajor() == 0 && stat.rdevMinor() == 0;
                if (!whiteout && Whiteouts.isReserved(name)) {
                    throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot write layer: "
                            + EntryNames.quote(prefix + name) + " has a name that layers reserve for whiteouts");
                }
                String entryName = whiteout ? Whiteouts.PREFIX + name : name;
                children.add(new Child(path, entryName, entryName.getBytes(StandardCharsets.UTF_8), stat, whiteout));
            }
        }
        children.sort(ORDER);
        return children;
    }

    private void file(Path path, String name, FileStat stat, Map<String, byte[]> xattrs) throws IOException {
        if (stat.links() > 1) {
            String first = firstNames.putIfAbsent(stat.id(), name);
            if (first != null) {
                tar.header(entry(name, EntryType.HARDLINK, stat, 0, first.getBytes(StandardCharsets.UTF_8), Map.of()));
                return;
            }
        }
        switch (stat.type()) {
            case FileStat.S_IFREG -> regular(path, name, stat, xattrs);
            case FileStat.S_IFLNK -> {
                byte[] target = PosixFiles.readSymbolicLink(path);
                tar.header(entry(name, EntryType.SYMLINK, stat, 0, target, xattrs));
                size += target.length; // as the applier counts it: Docker's lstat size of a link
            }
            case FileStat.S_IFCHR -> tar.header(entry(name, EntryType.CHAR_DEVICE, stat, 0, null, xattrs));
            case FileStat.S_IFBLK -> tar.header(entry(name, EntryType.BLOCK_DEVICE, stat, 0, null, xattrs));
            case FileStat.S_IFIFO -> tar.header(entry(name, EntryType.FIFO, stat, 0, null, xattrs));
            default -> throw new StrataException(StrataException.Kind.UNSUPPORTED,
                    "cannot write layer: " + EntryNames.quote(name) + " has an unknown file type");
        }
    }

    private void regular(Path path, String name, FileStat stat, Map<String, byte[]> xattrs) throws IOException {
        long length = stat.size();
        tar.header(entry(name, EntryType.FILE, stat, length, null, xattrs));
        int fd = reads.open(path);
        try {
            long remaining = length;
            while (remaining > 0) {
                int n = reads.read(fd, path, buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n == 0) {
                    throw new StrataException(StrataException.Kind.SYSTEM, "cannot write layer: "
                            + EntryNames.quote(name) + " shrank while it was being read");
                }
                tar.content(buffer, 0, n);
                remaining -= n;
            }
        } finally {
            reads.close(fd);
        }
        tar.endEntry(length);
        size += length;
    }

    /** Writes times after {@code seconds} as {@code seconds}, as a build with SOURCE_DATE_EPOCH wants. */
    TreeWriter clampingTimesTo(long seconds) {
        latestTime = seconds;
        return this;
    }

    private TarEntry entry(String name, EntryType type, FileStat stat, long size, byte[] link,
                           Map<String, byte[]> xattrs) {
        boolean late = stat.mtimeSeconds() >= latestTime;
        return new TarEntry(name, type, link, stat.permissions(), stat.uid(), stat.gid(), size,
                late ? latestTime : stat.mtimeSeconds(), late ? 0 : stat.mtimeNanos(), stat.rdevMajor(),
                stat.rdevMinor(), xattrs);
    }

    /** A whiteout or opaque marker: an empty file owned by root, mode 0, with the time of what it stands for. */
    private TarEntry whiteout(String name, FileStat stat) {
        return new TarEntry(name, EntryType.FILE, null, 0, 0, 0, 0, Math.min(stat.mtimeSeconds(), latestTime), 0, 0,
                0, Map.of());
    }

    private static Map<String, byte[]> xattrs(Path path, FileReads reads) throws IOException {
        List<String> names = reads.xattrNames(path);
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, byte[]> xattrs = new TreeMap<>();
        for (String name : names) {
            Xattrs.get(path, name).ifPresent(value -> xattrs.put(name, value));
        }
        return xattrs;
    }

    /** The attributes that travel in a layer: not overlayfs's own, not the host's SELinux labels. */
    private static Map<String, byte[]> layerXattrs(Map<String, byte[]> xattrs) {
        if (xattrs.isEmpty()) {
            return xattrs;
        }
        Map<String, byte[]> kept = new TreeMap<>(xattrs);
        kept.keySet().removeIf(name -> Whiteouts.isOverlayXattr(name) || name.equals("security.selinux"));
        return kept;
    }

    private static boolean isOpaque(Map<String, byte[]> xattrs) {
        return isY(xattrs.get(Whiteouts.TRUSTED_OPAQUE_XATTR)) || isY(xattrs.get(Whiteouts.USER_OPAQUE_XATTR));
    }

    private static boolean isY(byte[] value) {
        return value != null && value.length == 1 && value[0] == 'y';
    }
}
