package dev.strata.core.sys;

import static dev.strata.core.sys.SystemCall.LGETXATTR;
import static dev.strata.core.sys.SystemCall.LLISTXATTR;
import static dev.strata.core.sys.SystemCall.LREMOVEXATTR;
import static dev.strata.core.sys.SystemCall.LSETXATTR;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extended attributes of a file itself, never of a symbolic link's target ({@code l*xattr(2)}).
 * Values are raw bytes: {@code security.capability}, for one, is binary. Stateless and thread-safe.
 */
public final class Xattrs {
    /** The kernel's limit on one value (XATTR_SIZE_MAX) and on a name list (XATTR_LIST_MAX). */
    private static final int MAX_SIZE = 65536;
    private static final int FIRST_TRY = 256;

    private Xattrs() {}

    public static void set(Path path, String name, byte[] value) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, LSETXATTR, Libc.cString(arena, path).address(),
                    name(arena, name).address(), Libc.bytes(arena, value).address(), value.length, 0);
            if (result != 0) {
                throw new ErrnoException("set extended attribute " + name + " on", path, Libc.errno(errno));
            }
        }
    }

    /** The value, or empty if the file has no attribute of that name. */
    public static Optional<byte[]> get(Path path, String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long cPath = Libc.cString(arena, path).address();
            long cName = name(arena, name).address();
            // Try a small buffer first: almost every value fits, and asking for the size costs a call.
            MemorySegment buffer = arena.allocate(FIRST_TRY);
            long length = Syscall.call(errno, LGETXATTR, cPath, cName, buffer.address(), FIRST_TRY);
            if (length < 0 && Libc.errno(errno) == ErrnoException.ERANGE) {
                buffer = arena.allocate(MAX_SIZE);
                length = Syscall.call(errno, LGETXATTR, cPath, cName, buffer.address(), MAX_SIZE);
            }
            if (length < 0) {
                int code = Libc.errno(errno);
                if (code == ErrnoException.ENODATA) {
                    return Optional.empty();
                }
                throw new ErrnoException("read extended attribute " + name + " of", path, code);
            }
            return Optional.of(buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    /** The names of all extended attributes the caller may see, in the order the file system keeps them. */
    public static List<String> list(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long cPath = Libc.cString(arena, path).address();
            MemorySegment buffer = arena.allocate(FIRST_TRY);
            long length = Syscall.call(errno, LLISTXATTR, cPath, buffer.address(), FIRST_TRY);
            if (length < 0 && Libc.errno(errno) == ErrnoException.ERANGE) {
                buffer = arena.allocate(MAX_SIZE);
                length = Syscall.call(errno, LLISTXATTR, cPath, buffer.address(), MAX_SIZE);
            }
            if (length < 0) {
                int code = Libc.errno(errno);
                if (code == ErrnoException.ENOTSUP) {
                    return List.of();
                }
                throw new ErrnoException("list extended attributes of", path, code);
            }
            return names(buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    /** Removes the attribute; removing one that is not there is not an error. */
    public static void remove(Path path, String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            long result = Syscall.call(errno, LREMOVEXATTR, Libc.cString(arena, path).address(),
                    name(arena, name).address());
            if (result != 0 && Libc.errno(errno) != ErrnoException.ENODATA) {
                throw new ErrnoException("remove extended attribute " + name + " of", path, Libc.errno(errno));
            }
        }
    }

    // Attribute names are bytes to the kernel; tar carries them as UTF-8 in PAX keywords.
    private static MemorySegment name(Arena arena, String name) {
        return arena.allocateFrom(name, StandardCharsets.UTF_8);
    }

    static List<String> names(byte[] list) {
        List<String> names = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < list.length; i++) {
            if (list[i] == 0) {
                if (i > start) {
                    names.add(new String(list, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return names;
    }
}
