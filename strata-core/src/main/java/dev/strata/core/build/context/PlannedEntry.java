package dev.strata.core.build.context;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file a COPY or ADD puts into the image: where it comes from in the context and where it goes. Owners are
 * not here: copied files belong to root unless the instruction says {@code --chown}.
 *
 * @param source index into {@link CopyPlan#sources()} of the source this entry comes from
 * @param file the host file to read (a regular file's content) or to describe; for a symbolic link, the link
 * @param target the absolute, clean path in the image
 * @param mode permission bits with setuid, setgid and sticky
 * @param size content bytes of a regular file; 0 for everything else
 * @param linkTarget a symbolic link's target as stored in the context; null for everything else
 * @param deviceMajor for character and block devices; 0 for everything else
 */
public record PlannedEntry(
        int source,
        Path file,
        String target,
        EntryKind kind,
        int mode,
        long size,
        long mtimeSeconds,
        int mtimeNanos,
        String linkTarget,
        long deviceMajor,
        long deviceMinor) {
    public PlannedEntry {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("target must be absolute: " + target);
        }
        if ((kind == EntryKind.SYMLINK) != (linkTarget != null)) {
            throw new IllegalArgumentException("a link target goes with a symbolic link, and only with one");
        }
    }

    static PlannedEntry of(int source, ContextFile file, String target) {
        FileInfo info = file.info();
        EntryKind kind = switch (info.type()) {
            case FileInfo.S_IFREG -> EntryKind.FILE;
            case FileInfo.S_IFDIR -> EntryKind.DIRECTORY;
            case FileInfo.S_IFLNK -> EntryKind.SYMLINK;
            case FileInfo.S_IFCHR -> EntryKind.CHAR_DEVICE;
            case FileInfo.S_IFBLK -> EntryKind.BLOCK_DEVICE;
            case FileInfo.S_IFIFO -> EntryKind.FIFO;
            default -> throw new IllegalArgumentException("cannot copy " + file.path());
        };
        long seconds = Math.floorDiv(info.mtimeNanos(), 1_000_000_000L);
        int nanos = (int) Math.floorMod(info.mtimeNanos(), 1_000_000_000L);
        boolean device = kind == EntryKind.CHAR_DEVICE || kind == EntryKind.BLOCK_DEVICE;
        return new PlannedEntry(source, file.absolute(), target, kind, info.permissions(),
                kind == EntryKind.FILE ? info.size() : 0, seconds, nanos, file.linkTarget(),
                device ? info.rdevMajor() : 0, device ? info.rdevMinor() : 0);
    }
}
