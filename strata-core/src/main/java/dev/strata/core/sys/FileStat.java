package dev.strata.core.sys;

/**
 * What {@code statx(2)} says about one file, without following a final symbolic link.
 *
 * @param mode file type and permission bits, as in {@code st_mode} (setuid, setgid and sticky included)
 * @param deviceMajor major number of the device holding the file
 * @param deviceMinor minor number of the device holding the file
 * @param rdevMajor major number of the device this file is, for character and block devices
 * @param rdevMinor minor number of the device this file is, for character and block devices
 * @param ctimeSeconds last status change (writes, chmod, chown, renames), seconds since the epoch: unlike the
 *     modification time, nobody can set it back
 */
public record FileStat(
        int mode,
        int uid,
        int gid,
        long inode,
        int deviceMajor,
        int deviceMinor,
        long links,
        long size,
        long mtimeSeconds,
        int mtimeNanos,
        int rdevMajor,
        int rdevMinor,
        long ctimeSeconds,
        int ctimeNanos) {

    public static final int S_IFMT = 0170000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFIFO = 0010000;

    /** Permission bits plus setuid, setgid and sticky: what {@code chmod(2)} accepts. */
    public int permissions() {
        return mode & 07777;
    }

    public int type() {
        return mode & S_IFMT;
    }

    public boolean isDirectory() {
        return type() == S_IFDIR;
    }

    public boolean isRegularFile() {
        return type() == S_IFREG;
    }

    public boolean isSymbolicLink() {
        return type() == S_IFLNK;
    }

    public boolean isCharacterDevice() {
        return type() == S_IFCHR;
    }

    public boolean isBlockDevice() {
        return type() == S_IFBLK;
    }

    public boolean isFifo() {
        return type() == S_IFIFO;
    }

    public boolean isSocket() {
        return type() == S_IFSOCK;
    }

    /** Which file this is: the same for every hard link to it, different for every other file. */
    public Id id() {
        return new Id(deviceMajor, deviceMinor, inode);
    }

    /** A file's identity: its device and inode numbers. */
    public record Id(int deviceMajor, int deviceMinor, long inode) {}
}
