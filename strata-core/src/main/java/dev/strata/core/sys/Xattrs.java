package dev.strata.core.sys;

import dev.strata.core.sys.Downcalls.Lgetxattr;
import dev.strata.core.sys.Downcalls.Llistxattr;
import dev.strata.core.sys.Downcalls.Lremovexattr;
import dev.strata.core.sys.Downcalls.Lsetxattr;
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
            int result = (int) Lsetxattr.HANDLE.invokeExact(errno, Libc.cString(arena, path), name(arena, name),
                    Libc.bytes(arena, value), (long) value.length, 0);
            if (result != 0) {
                throw new ErrnoException("set extended attribute " + name + " on", path, Libc.errno(errno));
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    /** The value, or empty if the file has no attribute of that name. */
    public static Optional<byte[]> get(Path path, String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment cPath = Libc.cString(arena, path);
            MemorySegment cName = name(arena, name);
            // Try a small buffer first: almost every value fits, and asking for the size costs a call.
            MemorySegment buffer = arena.allocate(FIRST_TRY);
            long length = (long) Lgetxattr.HANDLE.invokeExact(errno, cPath, cName, buffer, (long) FIRST_TRY);
            if (length < 0 && Libc.errno(errno) == ErrnoException.ERANGE) {
                buffer = arena.allocate(MAX_SIZE);
                length = (long) Lgetxattr.HANDLE.invokeExact(errno, cPath, cName, buffer, (long) MAX_SIZE);
            }
            if (length < 0) {
                int code = Libc.errno(errno);
                if (code == ErrnoException.ENODATA) {
                    return Optional.empty();
                }
                throw new ErrnoException("read extended attribute " + name + " of", path, code);
            }
            return Optional.of(buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE));
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    /** The names of all extended attributes the caller may see, in the order the file system keeps them. */
    public static List<String> list(Path path) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            MemorySegment cPath = Libc.cString(arena, path);
            MemorySegment buffer = arena.allocate(FIRST_TRY);
            long length = (long) Llistxattr.HANDLE.invokeExact(errno, cPath, buffer, (long) FIRST_TRY);
            if (length < 0 && Libc.errno(errno) == ErrnoException.ERANGE) {
                buffer = arena.allocate(MAX_SIZE);
                length = (long) Llistxattr.HANDLE.invokeExact(errno, cPath, buffer, (long) MAX_SIZE);
            }
            if (length < 0) {
                int code = Libc.errno(errno);
                if (code == ErrnoException.ENOTSUP) {
                    return List.of();
                }
                throw new ErrnoException("list extended attributes of", path, code);
            }
            return names(buffer.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE));
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    /** Removes the attribute; removing one that is not there is not an error. */
    public static void remove(Path path, String name) throws ErrnoException {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment errno = Libc.errnoSegment(arena);
            int result = (int) Lremovexattr.HANDLE.invokeExact(errno, Libc.cString(arena, path), name(arena, name));
            if (result != 0 && Libc.errno(errno) != ErrnoException.ENODATA) {
                throw new ErrnoException("remove extended attribute " + name + " of", path, Libc.errno(errno));
            }
        } catch (ErrnoException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new AssertionError("unexpected failure of a native call", t);
        }
    }

    // Attribute names are bytes to the kernel; tar carries them as UTF-8 in PAX keywords.
    private static MemorySegment name(Arena arena, String name) {
        return arena.allocateFrom(name, StandardCharsets.UTF_8);
    }

    private static List<String> names(byte[] list) {
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
