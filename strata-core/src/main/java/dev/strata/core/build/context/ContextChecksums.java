package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.Xattrs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Docker's content checksums of the files of one build context (see {@link FileHash} for what goes in one),
 * which key the build cache of COPY and ADD. A file's checksum is remembered with the file's size, times,
 * inode and mode, on disk for a context that stays where it is, so a file that did not change is never read
 * again; files that must be read are hashed in parallel, the largest first. A file changed in the last
 * {@link #RACY_NANOS} before it was hashed is not remembered: a second change within the same clock tick
 * could leave its times as they were. Thread-safe; {@link #close} saves the cache.
 */
public final class ContextChecksums implements AutoCloseable {
    static final long RACY_NANOS = 50_000_000L;
    private static final String CAPABILITY = "security.capability";
    private static final int BUFFER = 1 << 18;

    private final StatCache cache;
    private final ContentOpener opener;
    private final Clock clock;
    private final int threads;
    private final AtomicLong filesHashed = new AtomicLong();
    private final AtomicLong bytesHashed = new AtomicLong();
    private final AtomicLong cacheHits = new AtomicLong();
    private final AtomicLong filesNotRemembered = new AtomicLong();

    ContextChecksums(StatCache cache, ContentOpener opener, Clock clock, int threads) {
        this.cache = cache;
        this.opener = opener;
        this.clock = clock;
        this.threads = Math.max(1, threads);
    }

    /**
     * Checksums for {@code context}, remembered in {@code cacheDirectory} (one file per context directory) when
     * the context is a directory of the user's, in memory only when it is a temporary copy.
     */
    public static ContextChecksums open(BuildContext context, Path cacheDirectory) {
        return open(context, cacheDirectory, ContentOpener.FILES, Clock.systemUTC());
    }

    /**
     * Checksums kept in memory only, for a directory the build made for one step (an image's files for
     * {@code COPY --from}, a download, heredoc files): its path never comes again, so a cache file would be litter.
     */
    public static ContextChecksums inMemory() {
        return new ContextChecksums(StatCache.inMemory(), ContentOpener.FILES, Clock.systemUTC(),
                Runtime.getRuntime().availableProcessors());
    }

    /** As {@link #open(BuildContext, Path)}, reading content through {@code opener} and judging age by {@code clock}. */
    public static ContextChecksums open(BuildContext context, Path cacheDirectory, ContentOpener opener, Clock clock) {
        StatCache cache = context.temporary() ? StatCache.inMemory()
                : StatCache.load(cacheDirectory.resolve(cacheName(context.root())));
        return new ContextChecksums(cache, opener, clock, Runtime.getRuntime().availableProcessors());
    }

    /** The cache file's name: the SHA-256 of the context directory's real path, so each directory has its own. */
    static String cacheName(Path root) {
        MessageDigest digest = FileHash.sha256();
        return FileHash.hex(digest.digest(root.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 32);
    }

    /** What has been read and reused so far. */
    public ChecksumStats stats() {
        return new ChecksumStats(filesHashed.get(), bytesHashed.get(), cacheHits.get());
    }

    /** Saves what was learnt, if anything; a cache that cannot be written is only lost. */
    public void flush() {
        cache.save();
    }

    @Override
    public void close() {
        flush();
    }

    /**
     * The checksum of one COPY source, {@code combine} applied to the checksums of its {@code files}, answered from
     * the cache without looking at any file's checksum when the files' fingerprint is the one it was computed from,
     * and without the per-file table when only some files' stat moved (see {@link SourceFiles}).
     *
     * @param key names the source and whatever else shapes its file list (the ignore rules)
     * @param combine a function of the checksums alone: equal checksums must give the equal result
     */
    String source(String key, List<ContextFile> files, java.util.function.Function<byte[][], String> combine) {
        long[] stats = new long[files.size()];
        long[] fingerprint = Fingerprint.of(files, stats);
        String known = cache.source(key, fingerprint[0], fingerprint[1]);
        if (known != null) {
            cacheHits.addAndGet(files.stream().filter(f -> f.info().isRegularFile()).count());
            return known;
        }
        long misses = filesNotRemembered.get();
        SourceFiles before = cache.sourceFiles(key);
        byte[][] hashes = hashes(files, before, stats);
        boolean same = before != null && before.matches(hashes);
        String checksum;
        if (same) {
            checksum = before.checksum();
        } else {
            if (before != null) {
                before.fillIn(hashes);
            }
            checksum = combine.apply(hashes);
        }
        if (filesNotRemembered.get() == misses) { // every file is remembered: the source can be too
            cache.storeSource(key, fingerprint[0], fingerprint[1], checksum);
            if (!same) {
                // Touched files keep their old stat in the record: it is not rewritten (~200 KB for 5,000 files)
                // for a checksum it already holds, and they are read again only if another touch brings it back.
                cache.storeSourceFiles(key, SourceFiles.of(stats, hashes, checksum));
            }
        }
        return checksum;
    }

    /**
     * The checksums of {@code files}, in their order, as raw SHA-256; null for a file whose stat fingerprint
     * ({@code stats}, from {@link Fingerprint#of(List, long[])}) is the one it had in {@code before} (may be null):
     * its checksum is the recorded one ({@link SourceFiles#fillIn}).
     */
    private byte[][] hashes(List<ContextFile> files, SourceFiles before, long[] stats) {
        byte[][] out = new byte[files.size()][];
        List<Integer> toRead = new ArrayList<>();
        MessageDigest headers = null;
        for (int i = 0; i < out.length; i++) {
            ContextFile file = files.get(i);
            if (before != null && before.unchanged(i, stats[i])) {
                if (file.info().isRegularFile()) {
                    cacheHits.incrementAndGet();
                }
                continue;
            }
            if (!file.info().isRegularFile()) {
                headers = headers == null ? FileHash.sha256() : headers;
                out[i] = FileHash.ofHeaderOnly(file, headers);
                continue;
            }
            byte[] known = cache.lookup(file.path(), file.info());
            if (known != null) {
                cacheHits.incrementAndGet();
                out[i] = known;
            } else {
                toRead.add(i);
            }
        }
        if (!toRead.isEmpty()) {
            hashAll(files, toRead, out);
        }
        return out;
    }

    private void hashAll(List<ContextFile> files, List<Integer> toRead, byte[][] out) {
        int workers = Math.min(threads, toRead.size());
        if (workers == 1) {
            for (int i : toRead) {
                out[i] = hash(files.get(i));
            }
            return;
        }
        toRead.sort(Comparator.comparingLong((Integer i) -> files.get(i).info().size()).reversed());
        ExecutorService pool = Executors.newFixedThreadPool(workers, Thread.ofPlatform().daemon().name("checksum-", 0).factory());
        try {
            List<Future<byte[]>> results = new ArrayList<>(toRead.size());
            for (int i : toRead) {
                ContextFile file = files.get(i);
                results.add(pool.submit(() -> hash(file)));
            }
            for (int k = 0; k < toRead.size(); k++) {
                out[toRead.get(k)] = results.get(k).get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot compute checksums: interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads one regular file, header and content, and remembers the result unless the file is too fresh. */
    private byte[] hash(ContextFile file) {
        long started = clock.millis() * 1_000_000L;
        MessageDigest digest = FileHash.sha256();
        FileHash.header(digest, file, capability(file.absolute()));
        long read = 0;
        if (file.info().size() > 0) {
            try (ReadableByteChannel channel = opener.open(file.absolute())) {
                ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(BUFFER, file.info().size() + 1));
                int n;
                while ((n = channel.read(buffer)) >= 0) {
                    if (n > 0) {
                        buffer.flip();
                        digest.update(buffer);
                        buffer.clear();
                        read += n;
                    }
                }
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot compute the checksum of "
                        + file.path() + " in the build context: " + e.getMessage(), e);
            }
            filesHashed.incrementAndGet();
            bytesHashed.addAndGet(read);
        }
        byte[] hash = digest.digest();
        long lastChange = Math.max(file.info().mtimeNanos(), file.info().ctimeNanos());
        if (read == file.info().size() && started - lastChange >= RACY_NANOS) {
            cache.store(file.path(), file.info(), hash);
        } else {
            filesNotRemembered.incrementAndGet();
        }
        return hash;
    }

    private static byte[] capability(Path file) {
        try {
            return Xattrs.get(file, CAPABILITY).orElse(null);
        } catch (ErrnoException e) {
            if (e.errno() == ErrnoException.ENOTSUP || e.errno() == ErrnoException.ENOENT) {
                return null;
            }
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read the extended attributes of " + file
                    + ": " + e.getMessage(), e);
        }
    }
}
