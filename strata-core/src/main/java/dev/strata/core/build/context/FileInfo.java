package dev.strata.core.build.context;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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

    // One stat(2) call: the "unix" view reads every attribute named here from a single stat. Only what is needed:
    // each attribute costs a map entry per file, and a walk reads thousands of files.
    private static final String ATTRIBUTES = "unix:mode,size,lastModifiedTime,ctime,ino";

    /** Reads the file itself, never a symbolic link's target. */
    static FileInfo read(Path path) throws IOException {
        Map<String, Object> a = Files.readAttributes(path, ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
        int mode = (Integer) a.get("mode");
        int type = mode & S_IFMT;
        long rdev = type == S_IFCHR || type == S_IFBLK
                ? (Long) Files.getAttribute(path, "unix:rdev", LinkOption.NOFOLLOW_LINKS) : 0;
        return new FileInfo(mode, (Long) a.get("size"), nanos(a.get("lastModifiedTime")), nanos(a.get("ctime")),
                (Long) a.get("ino"), rdev);
    }

    private static long nanos(Object time) {
        return ((FileTime) time).to(TimeUnit.NANOSECONDS);
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
