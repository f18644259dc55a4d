package dev.strata.core.build.context;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32C;

/**
 * The remembered checksums of one context's files, keyed by relative path and valid while the file's size,
 * modification and change times, inode, device and mode are what they were when it was hashed; kept in one file
 * so that an unchanged file is never read again. The file is replaced whole (a temporary sibling renamed over
 * it), so readers see one version or the other: when two builds save at once the last one wins, which only
 * costs the other's new entries. A file that is unreadable, truncated or fails its CRC is taken as empty. An
 * entry not used in {@link #KEEP_GENERATIONS} saves is dropped, so deleted files do not pile up. Thread-safe.
 */
final class StatCache {
    static final int KEEP_GENERATIONS = 8;
    private static final int MAGIC = 0x53434b31; // "SCK1"
    private static final int HASH = 32;

    private static final class Entry {
        final long size;
        final long mtime;
        final long ctime;
        final long inode;
        final long device;
        final int mode;
        final byte[] hash;
        volatile int generation;

        Entry(long size, long mtime, long ctime, long inode, long device, int mode, byte[] hash, int generation) {
            this.size = size;
            this.mtime = mtime;
            this.ctime = ctime;
            this.inode = inode;
            this.device = device;
            this.mode = mode;
            this.hash = hash;
            this.generation = generation;
        }

        boolean matches(FileInfo info) {
            return size == info.size() && mtime == info.mtimeNanos() && ctime == info.ctimeNanos()
                    && inode == info.inode() && device == info.device() && mode == info.mode();
        }
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private final int generation;
    private volatile boolean dirty;

    private StatCache(Path file, Map<String, Entry> entries, int generation) {
        this.file = file;
        this.entries = entries;
        this.generation = generation;
    }

    /** A cache kept in memory only. */
    static StatCache inMemory() {
        return new StatCache(null, new ConcurrentHashMap<>(), 1);
    }

    /** The cache saved in {@code file}, or an empty one bound to it if there is none or it is unusable. */
    static StatCache load(Path file) {
        try {
            return parse(file, ByteBuffer.wrap(Files.readAllBytes(file)));
        } catch (IOException | RuntimeException e) {
            return new StatCache(file, new ConcurrentHashMap<>(), 1); // missing or corrupt: start again
        }
    }

    private static StatCache parse(Path file, ByteBuffer in) {
        int length = in.remaining() - Integer.BYTES;
        CRC32C crc = new CRC32C();
        crc.update(in.array(), 0, length);
        if (length < 12 || in.getInt(length) != (int) crc.getValue() || in.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a checksum cache");
        }
        int generation = in.getInt();
        int count = in.getInt();
        Map<String, Entry> entries = new ConcurrentHashMap<>(Math.max(16, count * 4 / 3 + 1));
        for (int i = 0; i < count; i++) {
            int nameLength = in.getShort() & 0xffff;
            String path = new String(in.array(), in.position(), nameLength, StandardCharsets.UTF_8);
            in.position(in.position() + nameLength);
            long size = in.getLong();
            long mtime = in.getLong();
            long ctime = in.getLong();
            long inode = in.getLong();
            long device = in.getLong();
            int mode = in.getInt();
            int entryGeneration = in.getInt();
            byte[] hash = new byte[HASH];
            in.get(hash);
            entries.put(path, new Entry(size, mtime, ctime, inode, device, mode, hash, entryGeneration));
        }
        if (in.position() != length) {
            throw new IllegalArgumentException("trailing bytes");
        }
        return new StatCache(file, entries, generation);
    }

    /** The checksum remembered for {@code path} if the file is still what was hashed, else null. */
    byte[] lookup(String path, FileInfo info) {
        Entry entry = entries.get(path);
        if (entry == null || !entry.matches(info)) {
            return null;
        }
        entry.generation = generation + 1;
        return entry.hash;
    }

    void store(String path, FileInfo info, byte[] hash) {
        if (path.length() > Short.MAX_VALUE) {
            return; // longer than any path the kernel takes; not worth a format that could hold it
        }
        entries.put(path, new Entry(info.size(), info.mtimeNanos(), info.ctimeNanos(), info.inode(), info.device(),
                info.mode(), hash, generation + 1));
        dirty = true;
    }

    int size() {
        return entries.size();
    }

    /** Writes the cache if anything was added since it was loaded; a failure to write only loses the cache. */
    synchronized void save() {
        if (!dirty || file == null) {
            return;
        }
        int next = generation + 1;
        entries.values().removeIf(e -> e.generation < next - KEEP_GENERATIONS);
        ByteBuffer out = encode(next);
        Path temp = file.resolveSibling(file.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-"
                + Thread.currentThread().threadId());
        try {
            Files.createDirectories(file.getParent());
            Files.write(temp, java.util.Arrays.copyOf(out.array(), out.position()));
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            dirty = false;
        } catch (IOException e) {
            // a cache that cannot be written is a cache that will be rebuilt; the build itself is unaffected
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    private ByteBuffer encode(int next) {
        Map<String, Entry> snapshot = Map.copyOf(entries);
        int bytes = 16;
        for (String path : snapshot.keySet()) {
            bytes += 2 + path.getBytes(StandardCharsets.UTF_8).length + 5 * Long.BYTES + 2 * Integer.BYTES + HASH;
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        out.putInt(MAGIC).putInt(next).putInt(snapshot.size());
        for (Map.Entry<String, Entry> e : snapshot.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            Entry entry = e.getValue();
            out.putShort((short) name.length).put(name);
            out.putLong(entry.size).putLong(entry.mtime).putLong(entry.ctime).putLong(entry.inode)
                    .putLong(entry.device).putInt(entry.mode).putInt(entry.generation).put(entry.hash);
        }
        CRC32C crc = new CRC32C();
        crc.update(out.array(), 0, out.position());
        out.putInt((int) crc.getValue());
        return out;
    }
}
