package dev.strata.core.build.context;

import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * What {@code lstat} says about one file of a context, as much as checksums and copies need.
 *
 * @param mode type and permission bits, as {@code st_mode}
 * @param mtimeNanos modification time, nanoseconds since the epoch
 * @param ctimeNanos status change time, nanoseconds since the epoch: it moves on every write, chmod, rename
 *     and extended attribute change, and no one can set it back
 * @param rdev the device number a character or block device stands for; 0 for everything else
 */
record FileInfo(int mode, long size, long mtimeNanos, long ctimeNanos, long inode, long rdev) {
    static final int S_IFMT = 0170000;
    static final int S_IFSOCK = 0140000;
    static final int S_IFLNK = 0120000;
    static final int S_IFREG = 0100000;
    static final int S_IFBLK = 0060000;
    static final int S_IFDIR = 0040000;
    static final int S_IFCHR = 0020000;
    static final int S_IFIFO = 0010000;

    /**
     * Reads the file itself, never a symbolic link's target: one {@code statx(2)} through {@link PosixFiles}, which
     * costs a fraction of {@code Files.readAttributes}' attribute maps (a cached build stats every file of the context).
     */
    static FileInfo read(Path path) throws IOException {
        return of(PosixFiles.lstatIfExists(path).orElseThrow(() -> new NoSuchFileException(path.toString())));
    }

    /** The parts of {@code stat} a context needs. */
    static FileInfo of(FileStat stat) {
        int type = stat.type();
        long rdev = type == S_IFCHR || type == S_IFBLK ? encodeRdev(stat.rdevMajor(), stat.rdevMinor()) : 0;
        return new FileInfo(stat.mode(), stat.size(), stat.mtimeSeconds() * 1_000_000_000L + stat.mtimeNanos(),
                stat.ctimeSeconds() * 1_000_000_000L + stat.ctimeNanos(), stat.inode(), rdev);
    }

    /** Linux's {@code dev_t} of a major and minor number (the inverse of {@link #rdevMajor} and {@link #rdevMinor}). */
    private static long encodeRdev(int major, int minor) {
        long ma = Integer.toUnsignedLong(major);
        long mi = Integer.toUnsignedLong(minor);
        return ((ma & 0xfff) << 8) | ((ma & ~0xfffL) << 32) | (mi & 0xff) | ((mi & ~0xffL) << 12);
    }

    int type() {
        return mode & S_IFMT;
    }

    /** Permission bits with setuid, setgid and sticky. */
    int permissions() {
        return mode & 07777;
    }

    boolean isDirectory() {
        return type() == S_IFDIR;
    }

    boolean isRegularFile() {
        return type() == S_IFREG;
    }

    boolean isSymbolicLink() {
        return type() == S_IFLNK;
    }

    boolean isSocket() {
        return type() == S_IFSOCK;
    }

    /** Linux's encoding of {@code dev_t}: the major number's low 12 bits sit at bit 8, the rest at bit 32. */
    long rdevMajor() {
        return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
    }

    long rdevMinor() {
        return (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
    }
}
