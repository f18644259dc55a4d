package dev.strata.core.build.context;

import dev.strata.core.sys.AtomicFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The remembered checksums of one context, kept in one file so that an unchanged file is never read again. Two
 * tables: per file, the checksum with the size, times, inode and mode it was computed for; per COPY source, the
 * source's checksum with a fingerprint of every file it covered ({@link Fingerprint}), so that a source whose
 * files all kept their stat is answered without looking at the per-file table, which then is not even read: it
 * lives in a second file beside the first ({@code NAME.files}). Each file is replaced whole (a temporary sibling renamed over it): readers see one version or the other, and
 * when two builds save at once the last one wins, costing the other only its new entries. A file that is
 * unreadable, truncated or fails its CRC counts as empty. Entries unused for {@link #KEEP_GENERATIONS} saves are
 * dropped. Thread-safe.
 */
final class StatCache {
    static final int KEEP_GENERATIONS = 32;
    /**
     * How many touched files (stored again with an unchanged checksum) do not make the per-file table worth
     * rewriting: the table of a context of thousands of files is rewritten, some 15 ms on a fresh JVM, only when a
     * checksum is new or many files were touched. A touched file the table keeps with its old stat is read again if
     * a later build needs its checksum, which a build whose sources kept their fingerprint never does.
     */
    static final int MAX_UNSAVED_RESTATS = 64;
    private static final int MAGIC = 0x53434b32; // "SCK2"
    private static final int HASH = 32;
    private static final int FILE_ENTRY = 4 * Long.BYTES + 2 * Integer.BYTES + HASH;

    /**
     * One file's checksum and the stat it belongs to; the generation it was last used in, which a lookup moves on
     * in place (a context's thousands of hits would otherwise make as many new entries).
     */
    private static final class FileEntry {
        final long size;
        final long mtime;
        final long ctime;
        final long inode;
        final int mode;
        final byte[] hash;
        int generation; // guarded by the cache

        FileEntry(long size, long mtime, long ctime, long inode, int mode, byte[] hash, int generation) {
            this.size = size;
            this.mtime = mtime;
            this.ctime = ctime;
            this.inode = inode;
            this.mode = mode;
            this.hash = hash;
            this.generation = generation;
        }

        boolean matches(FileInfo info) {
            return size == info.size() && mtime == info.mtimeNanos() && ctime == info.ctimeNanos()
                    && inode == info.inode() && mode == info.mode();
        }
    }

    /** One source's checksum and the fingerprint of the files it was computed from. */
    private record SourceEntry(long fingerprint1, long fingerprint2, String checksum, int generation) {}

    private final Path file;
    private final int generation;
    private final Map<String, SourceEntry> sources;
    private Map<String, FileEntry> files; // read on first use
    private boolean sourcesDirty;
    private boolean filesDirty;
    /** Sources' files as last computed ({@link SourceFiles}), read when first asked for; the new ones saved. */
    private final Map<String, SourceFiles> sourceFiles = new HashMap<>();
    private final Map<String, SourceFiles> newSourceFiles = new HashMap<>();
    /** Entries stored again with the checksum they had: only the file's stat moved (a touch). */
    private int restats;

    private StatCache(Path file, int generation, Map<String, SourceEntry> sources, Map<String, FileEntry> files) {
        this.file = file;
        this.generation = generation;
        this.sources = sources;
        this.files = files;
    }

    /** A cache kept in memory only. */
    static StatCache inMemory() {
        return new StatCache(null, 1, new HashMap<>(), new HashMap<>());
    }

    /** The cache saved in {@code file}, or an empty one bound to it if there is none or it is unusable. */
    static StatCache load(Path file) {
        try {
            ByteBuffer in = read(file);
            int generation = in.getInt();
            int count = in.getInt();
            Map<String, SourceEntry> sources = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String key = string(in);
                long f1 = in.getLong();
                long f2 = in.getLong();
                int sourceGeneration = in.getInt();
                sources.put(key, new SourceEntry(f1, f2, string(in), sourceGeneration));
            }
            return new StatCache(file, generation, sources, null);
        } catch (IOException | RuntimeException e) {
            return new StatCache(file, 1, new HashMap<>(), null); // missing or corrupt: start again
        }
    }

    /** The content of a cache file after its magic number, checked against its CRC; throws if unusable. */
    private static ByteBuffer read(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        int length = bytes.length - Integer.BYTES;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, Math.max(0, length));
        ByteBuffer in = ByteBuffer.wrap(bytes, 0, Math.max(0, length));
        if (length < 8 || ByteBuffer.wrap(bytes).getInt(length) != (int) crc.getValue() || in.getInt() != MAGIC) {
            throw new IllegalArgumentException("not a checksum cache");
        }
        return in;
    }

    private Path filesPath() {
        return file.resolveSibling(file.getFileName() + ".files");
    }

    /** The checksum of a COPY source if its files' fingerprint is the one it was computed from, else null. */
    synchronized String source(String key, long fingerprint1, long fingerprint2) {
        SourceEntry entry = sources.get(key);
        if (entry == null || entry.fingerprint1 != fingerprint1 || entry.fingerprint2 != fingerprint2) {
            return null;
        }
        if (entry.generation != generation + 1) {
            sources.put(key, new SourceEntry(fingerprint1, fingerprint2, entry.checksum, generation + 1));
        }
        return entry.checksum;
    }

    synchronized void storeSource(String key, long fingerprint1, long fingerprint2, String checksum) {
        if (!fits(key)) {
            return;
        }
        sources.put(key, new SourceEntry(fingerprint1, fingerprint2, checksum, generation + 1));
        sourcesDirty = true;
    }

    /** The checksum remembered for {@code path} if the file is still what was hashed, else null. */
    synchronized byte[] lookup(String path, FileInfo info) {
        FileEntry entry = files().get(path);
        if (entry == null || !entry.matches(info)) {
            return null;
        }
        entry.generation = generation + 1;
        return entry.hash;
    }

    synchronized void store(String path, FileInfo info, byte[] hash) {
        if (!fits(path)) {
            return; // longer than any path the kernel takes; not worth a format that could hold it
        }
        FileEntry before = files().put(path, new FileEntry(info.size(), info.mtimeNanos(), info.ctimeNanos(),
                info.inode(), info.mode(), hash, generation + 1));
        if (before != null && java.util.Arrays.equals(before.hash, hash)) {
            restats++;
        } else {
            filesDirty = true;
        }
    }

    synchronized int size() {
        return files().size();
    }

    private Map<String, FileEntry> files() {
        if (files == null) {
            try {
                ByteBuffer in = read(filesPath());
                int count = in.getInt();
                Map<String, FileEntry> read = new HashMap<>(Math.max(16, count * 4 / 3 + 1));
                for (int i = 0; i < count; i++) {
                    readEntry(in, read);
                }
                files = read;
            } catch (IOException | RuntimeException e) {
                files = new HashMap<>(); // missing or corrupt: every file is hashed again
            }
        }
        return files;
    }

    /**
     * One entry of the per-file table. A method of its own: on a fresh JVM a method called thousands of times is
     * compiled after a few hundred, the body of a loop run once is not.
     */
    private static void readEntry(ByteBuffer in, Map<String, FileEntry> into) {
        String path = string(in);
        into.put(path, new FileEntry(in.getLong(), in.getLong(), in.getLong(), in.getLong(), in.getInt(), hash(in),
                in.getInt()));
    }

    /** The files of the source {@code key} as its checksum was last computed, or null if unknown. */
    synchronized SourceFiles sourceFiles(String key) {
        if (!sourceFiles.containsKey(key)) {
            SourceFiles read = null;
            if (file != null) {
                try {
                    read = SourceFiles.decode(read(SourceFiles.path(file, key)));
                } catch (IOException | RuntimeException e) {
                    // missing or corrupt: the per-file table answers instead
                }
            }
            sourceFiles.put(key, read);
        }
        return sourceFiles.get(key);
    }

    synchronized void storeSourceFiles(String key, SourceFiles files) {
        sourceFiles.put(key, files);
        newSourceFiles.put(key, files);
    }

    /** Writes what was added since the cache was loaded; a failure to write only loses the cache. */
    synchronized void save() {
        if (file != null) {
            newSourceFiles.forEach((key, files) -> write(SourceFiles.path(file, key), files.encode(MAGIC)));
            newSourceFiles.clear();
        }
        if (file == null || (!sourcesDirty && !filesDirty && restats <= MAX_UNSAVED_RESTATS)) {
            return;
        }
        int next = generation + 1;
        if (filesDirty || restats > MAX_UNSAVED_RESTATS) {
            files.values().removeIf(e -> e.generation < next - KEEP_GENERATIONS);
            if (write(filesPath(), encodeFiles())) {
                filesDirty = false;
                restats = 0;
            }
        }
        sources.values().removeIf(e -> e.generation < next - KEEP_GENERATIONS);
        if (write(file, encodeSources(next))) {
            sourcesDirty = false;
        }
    }

    private static boolean write(Path target, ByteBuffer content) {
        CRC32C crc = new CRC32C();
        crc.update(content.array(), 0, content.position());
        content.putInt((int) crc.getValue());
        Path temp = null;
        try {
            Files.createDirectories(target.getParent());
            // A unique temporary name: two builds, in one process or two, may save the same cache at once.
            temp = AtomicFiles.createSibling(target);
            Files.write(temp, content.array());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (IOException e) {
            try { // a cache that cannot be written will be rebuilt; the build itself is unaffected
                if (temp != null) {
                    Files.deleteIfExists(temp);
                }
            } catch (IOException ignored) {
                // nothing more to do
            }
            return false;
        }
    }

    private ByteBuffer encodeSources(int next) {
        int bytes = 4 * Integer.BYTES;
        for (Map.Entry<String, SourceEntry> e : sources.entrySet()) {
            bytes += 2 + utf8(e.getKey()).length + 2 * Long.BYTES + Integer.BYTES + 2 + utf8(e.getValue().checksum).length;
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        out.putInt(MAGIC).putInt(next).putInt(sources.size());
        sources.forEach((key, e) -> {
            putString(out, key);
            out.putLong(e.fingerprint1).putLong(e.fingerprint2).putInt(e.generation);
            putString(out, e.checksum);
        });
        return out;
    }

    private ByteBuffer encodeFiles() {
        int bytes = 3 * Integer.BYTES;
        for (String path : files.keySet()) {
            bytes += 2 + utf8(path).length + FILE_ENTRY;
        }
        ByteBuffer out = ByteBuffer.allocate(bytes);
        out.putInt(MAGIC).putInt(files.size());
        files.forEach((path, e) -> {
            putString(out, path);
            out.putLong(e.size).putLong(e.mtime).putLong(e.ctime).putLong(e.inode).putInt(e.mode).put(e.hash)
                    .putInt(e.generation);
        });
        return out;
    }

    private static boolean fits(String s) {
        return s.length() <= 0xffff / 3 || utf8(s).length <= 0xffff;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static void putString(ByteBuffer out, String s) {
        byte[] bytes = utf8(s);
        out.putShort((short) bytes.length).put(bytes);
    }

    private static String string(ByteBuffer in) {
        int length = in.getShort() & 0xffff;
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }

    private static byte[] hash(ByteBuffer in) {
        byte[] hash = new byte[HASH];
        in.get(hash);
        return hash;
    }
}
