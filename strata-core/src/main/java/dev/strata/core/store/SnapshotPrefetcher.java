package dev.strata.core.store;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Compression;
import dev.strata.core.oci.Digest;
import dev.strata.core.progress.CountingInputStream;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.Snapshotter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Unpacks files that look like layers while an archive is still being read, on a small pool of threads, so
 * that reading, digesting and unpacking overlap. A guess that proves wrong (a tar that is no layer) costs only
 * the work; nothing is staged until the transaction {@link #take}s the result and the snapshotter checks its
 * diffID. Thread-safe.
 */
public final class SnapshotPrefetcher implements PreparedLayers, AutoCloseable {
    private static final int TAR_MAGIC_OFFSET = 257;

    private final Snapshotter snapshots;
    private final ProgressListener progress;
    private final ExecutorService pool;
    private final Map<Digest, Future<Snapshotter.Prepared>> pending = new ConcurrentHashMap<>();

    public SnapshotPrefetcher(Snapshotter snapshots, int threads, ProgressListener progress) {
        this.snapshots = snapshots;
        this.progress = progress;
        this.pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().daemon().name("strata-unpack-", 0).factory());
    }

    /** Starts unpacking {@code file} if its first bytes say it is a tar, or a compressed stream. */
    public void offer(Digest digest, Path file, byte[] head) {
        if (!looksLikeLayer(head) || pending.containsKey(digest)) {
            return;
        }
        pending.put(digest, pool.submit(() -> snapshots.prepare(() -> new CountingInputStream(
                Files.newInputStream(file), progress, "Loading layer", digest, Files.size(file)))));
    }

    static boolean looksLikeLayer(byte[] head) {
        if (Compression.detect(head, head.length) != Compression.NONE) {
            return true;
        }
        return head.length >= TAR_MAGIC_OFFSET + 5
                && new String(head, TAR_MAGIC_OFFSET, 5, StandardCharsets.US_ASCII).equals("ustar");
    }

    @Override
    public Optional<Snapshotter.Prepared> take(Digest digest) {
        Future<Snapshotter.Prepared> future = pending.remove(digest);
        if (future == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(future.get());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StrataException s) {
                throw s;
            }
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot unpack layer: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while unpacking a layer", e);
        }
    }

    /**
     * Stops, and discards every unpacked tree nobody took. Work still running is interrupted; what it leaves
     * in scratch space goes with the process's scratch corner.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        for (Future<Snapshotter.Prepared> future : pending.values()) {
            if (future.isDone() && !future.isCancelled()) {
                try {
                    future.get().discard();
                } catch (ExecutionException e) {
                    // it failed: nothing to discard
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                future.cancel(true);
            }
        }
        pending.clear();
    }
}
