package dev.strata.core.sys;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A system call failed; carries the Linux {@code errno} so that callers can branch on it (for example
 * to treat {@code EEXIST} or {@code ENOTSUP} as a normal outcome) without reading the message.
 */
public final class ErrnoException extends IOException {
    public static final int EPERM = 1;
    public static final int ENOENT = 2;
    public static final int ESRCH = 3;
    public static final int EINTR = 4;
    public static final int EIO = 5;
    public static final int ENXIO = 6;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EACCES = 13;
    public static final int EBUSY = 16;
    public static final int EEXIST = 17;
    public static final int EXDEV = 18;
    public static final int ENODEV = 19;
    public static final int ENOTDIR = 20;
    public static final int EISDIR = 21;
    public static final int EINVAL = 22;
    public static final int ENOTTY = 25;
    public static final int ENOSPC = 28;
    public static final int EROFS = 30;
    public static final int EMLINK = 31;
    public static final int EPIPE = 32;
    public static final int ERANGE = 34;
    public static final int ENAMETOOLONG = 36;
    public static final int ENOSYS = 38;
    public static final int ENOTEMPTY = 39;
    public static final int ELOOP = 40;
    public static final int ENODATA = 61;
    public static final int ENOTSUP = 95;
    public static final int ECONNRESET = 104;
    public static final int ECONNREFUSED = 111;
    public static final int EDQUOT = 122;

    private final String operation;
    private final String path;
    private final int errno;

    public ErrnoException(String operation, Path path, int errno) {
        this(operation, String.valueOf(path), errno);
    }

    public ErrnoException(String operation, String path, int errno) {
        super("cannot " + operation + " " + path + ": " + describe(errno));
        this.operation = operation;
        this.path = path;
        this.errno = errno;
    }

    public int errno() {
        return errno;
    }

    /** The system call that failed, such as {@code mknod}. */
    public String operation() {
        return operation;
    }

    public String path() {
        return path;
    }

    /** The C library's text for the common errors this code meets, with the symbolic name. */
    public static String describe(int errno) {
        String text = switch (errno) {
            case EPERM -> "Operation not permitted (EPERM)";
            case ENOENT -> "No such file or directory (ENOENT)";
            case ESRCH -> "No such process (ESRCH)";
            case EINTR -> "Interrupted system call (EINTR)";
            case EIO -> "Input/output error (EIO)";
            case ENXIO -> "No such device or address (ENXIO)";
            case EBADF -> "Bad file descriptor (EBADF)";
            case EAGAIN -> "Resource temporarily unavailable (EAGAIN)";
            case EACCES -> "Permission denied (EACCES)";
            case EBUSY -> "Device or resource busy (EBUSY)";
            case EEXIST -> "File exists (EEXIST)";
            case EXDEV -> "Invalid cross-device link (EXDEV)";
            case ENODEV -> "No such device (ENODEV)";
            case ENOTDIR -> "Not a directory (ENOTDIR)";
            case EISDIR -> "Is a directory (EISDIR)";
            case EINVAL -> "Invalid argument (EINVAL)";
            case ENOTTY -> "Inappropriate ioctl for device (ENOTTY)";
            case ENOSPC -> "No space left on device (ENOSPC)";
            case EROFS -> "Read-only file system (EROFS)";
            case EMLINK -> "Too many links (EMLINK)";
            case EPIPE -> "Broken pipe (EPIPE)";
            case ERANGE -> "Numerical result out of range (ERANGE)";
            case ENAMETOOLONG -> "File name too long (ENAMETOOLONG)";
            case ENOSYS -> "Function not implemented (ENOSYS)";
            case ENOTEMPTY -> "Directory not empty (ENOTEMPTY)";
            case ELOOP -> "Too many levels of symbolic links (ELOOP)";
            case ENODATA -> "No data available (ENODATA)";
            case ENOTSUP -> "Operation not supported (ENOTSUP)";
            case ECONNRESET -> "Connection reset by peer (ECONNRESET)";
            case ECONNREFUSED -> "Connection refused (ECONNREFUSED)";
            case EDQUOT -> "Disk quota exceeded (EDQUOT)";
            default -> null;
        };
        return text != null ? text : "error " + errno;
    }
}
