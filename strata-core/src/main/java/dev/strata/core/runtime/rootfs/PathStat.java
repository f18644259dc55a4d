package dev.strata.core.runtime.rootfs;

import dev.strata.core.sys.FileStat;
import java.time.Instant;
import java.util.Objects;

/**
 * What {@code docker cp} learns about a container path before copying (the Engine API's
 * {@code X-Docker-Container-Path-Stat}).
 *
 * @param name the last component of the path as given ({@code .} for {@code dir/.}, {@code /} for the root)
 * @param mode the file's {@code st_mode}, type bits included
 * @param linkTarget for a symbolic link, where it leads in the container, resolved there ({@code /usr/bin/busybox});
 *     empty otherwise
 */
public record PathStat(String name, long size, int mode, Instant mtime, String linkTarget) {
    public PathStat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mtime, "mtime");
        Objects.requireNonNull(linkTarget, "linkTarget");
    }

    public boolean isDirectory() {
        return (mode & FileStat.S_IFMT) == FileStat.S_IFDIR;
    }

    public boolean isSymbolicLink() {
        return (mode & FileStat.S_IFMT) == FileStat.S_IFLNK;
    }

    /** The mode as Go's {@code os.FileMode} encodes it, which is what the Engine API sends. */
    public long goFileMode() {
        long go = mode & 0777;
        go |= switch (mode & FileStat.S_IFMT) {
            case FileStat.S_IFDIR -> 1L << 31;
            case FileStat.S_IFLNK -> 1L << 27;
            case FileStat.S_IFBLK -> 1L << 26;
            case FileStat.S_IFCHR -> (1L << 26) | (1L << 21);
            case FileStat.S_IFIFO -> 1L << 25;
            case FileStat.S_IFSOCK -> 1L << 24;
            default -> 0L;
        };
        if ((mode & 04000) != 0) {
            go |= 1L << 23;
        }
        if ((mode & 02000) != 0) {
            go |= 1L << 22;
        }
        if ((mode & 01000) != 0) {
            go |= 1L << 20;
        }
        return go;
    }
}
