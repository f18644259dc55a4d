package dev.strata.core.sys;

import static dev.strata.core.sys.Libc.AT_FDCWD;
import static dev.strata.core.sys.Libc.AT_SYMLINK_NOFOLLOW;
import static dev.strata.core.sys.SystemCall.CLOSE;
import static dev.strata.core.sys.SystemCall.GETDENTS64;
import static dev.strata.core.sys.SystemCall.OPENAT;
import static dev.strata.core.sys.SystemCall.STATX;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Lists directories with the {@code statx(2)} of every entry, for walks over thousands of files: one
 * {@code getdents64(2)} per few hundred names and one {@code statx} per name relative to the open directory, through
 * native buffers allocated once per lister. {@code Files.newDirectoryStream} and a {@link PosixFiles#lstat} per file
 * cost several times as much on a fresh JVM, where this code runs interpreted: a path object and an arena per file. Not thread-safe (one lister per thread, confined to the thread
 * that made it); close it to free its buffers.
 */
public final class DirectoryLister implements AutoCloseable {
    private static final int O_RDONLY = 0;
    private static final int O_CLOEXEC = 02000000;
    private static final int STATX_BASIC_STATS = 0x7ff;
    private static final int STATX_SIZE = 256;
    private static final int DIRENTS_SIZE = 32 * 1024;
    private static final int NAME_OFFSET = 19; // struct linux_dirent64: d_ino, d_off, d_reclen, d_type, d_name
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    /** Receives one directory entry; it must not call {@link #list} on the same lister (its buffers are in use). */
    @FunctionalInterface
    public interface Visitor {
        void entry(String name, FileStat stat) throws IOException;
    }

    private final Arena arena = Arena.ofConfined();
    private final MemorySegment errno = Libc.errnoSegment(arena);
    private final MemorySegment dirents = arena.allocate(DIRENTS_SIZE, 8);
    private final MemorySegment stat = arena.allocate(STATX_SIZE, 8);
    private final byte[] names = new byte[DIRENTS_SIZE];

    /**
     * Calls {@code visitor} for every entry of {@code directory} but {@code .} and {@code ..}, in the order the
     * kernel hands them out, with its stat (a symbolic link is described, not followed). An entry removed between
     * the listing and its stat is left out, as is a name the JDK's file-name encoding cannot represent (no
     * {@code java.nio} path could name it).
     *
     * @throws ErrnoException if the directory cannot be opened or read, or an entry cannot be stat-ed
     */
    public void list(Path directory, Visitor visitor) throws IOException {
        long fd;
        try (Arena path = Arena.ofConfined()) { // freed at once: a lister may list thousands of directories
            fd = Syscall.call(errno, OPENAT, AT_FDCWD, Libc.cString(path, directory).address(),
                    O_RDONLY | Libc.O_DIRECTORY | O_CLOEXEC);
        }
        if (fd < 0) {
            throw new ErrnoException("open the directory", directory, Libc.errno(errno));
        }
        try {
            long read;
            while ((read = Syscall.call(errno, GETDENTS64, fd, dirents.address(), DIRENTS_SIZE)) > 0) {
                MemorySegment.copy(dirents, ValueLayout.JAVA_BYTE, 0, names, 0, (int) read);
                visit(directory, fd, (int) read, visitor);
            }
            if (read < 0) {
                throw new ErrnoException("list the directory", directory, Libc.errno(errno));
            }
        } finally {
            Syscall.call(errno, CLOSE, fd);
        }
    }

    private void visit(Path directory, long fd, int length, Visitor visitor) throws IOException {
        int offset = 0;
        while (offset < length) {
            offset = entry(directory, fd, offset, visitor);
        }
    }

    /**
     * Hands over the entry at {@code offset} of the listing, unless it is {@code .} or {@code ..}, and returns the
     * offset of the next. One call per entry, rather than a loop over a listing in one method: on a fresh JVM a
     * method called a few hundred times is compiled, a loop run a few thousand times is not.
     */
    private int entry(Path directory, long fd, int offset, Visitor visitor) throws IOException {
        byte[] b = names;
        int next = offset + (LITTLE_ENDIAN ? (b[offset + 16] & 0xff) | (b[offset + 17] & 0xff) << 8
                : (b[offset + 16] & 0xff) << 8 | (b[offset + 17] & 0xff));
        int start = offset + NAME_OFFSET;
        int end = start;
        int high = 0; // any byte outside ASCII
        byte c;
        while ((c = b[end]) != 0) {
            high |= c;
            end++;
        }
        if (b[start] == '.' && (end == start + 1 || end == start + 2 && b[start + 1] == '.')) {
            return next;
        }
        String name;
        if (high >= 0) {
            name = new String(b, start, end - start, StandardCharsets.ISO_8859_1); // ASCII: the same in any encoding
        } else {
            name = new String(b, start, end - start, Libc.FILE_NAMES);
            if (!Arrays.equals(name.getBytes(Libc.FILE_NAMES), Arrays.copyOfRange(b, start, end))) {
                return next;
            }
        }
        // the name is still NUL-terminated in the native buffer: the kernel reads it from there
        long result = Syscall.call(errno, STATX, fd, dirents.address() + start, AT_SYMLINK_NOFOLLOW,
                STATX_BASIC_STATS, stat.address());
        if (result != 0) {
            int error = Libc.errno(errno);
            if (error == ErrnoException.ENOENT) {
                return next;
            }
            throw new ErrnoException("stat", directory.resolve(name), error);
        }
        visitor.entry(name, PosixFiles.statx(stat));
        return next;
    }

    @Override
    public void close() {
        arena.close();
    }
}
