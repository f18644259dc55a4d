package dev.strata.registry.api;

import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Blob files mapped into memory, so a GET hands Jetty a slice of the page cache and the kernel copies it to the
 * socket: no read into the heap, no copy in Java. Blobs are immutable (content-addressed), so a mapping never goes
 * stale; they are kept for the next request, within a total budget (the cache is simply dropped when full: the
 * mappings are address space, the bytes stay in the page cache). Only blobs up to {@link #CACHED_MAX} bytes come
 * here; bigger ones are read as they are sent ({@link Exchange#sendFile}). Thread-safe.
 */
final class MappedBlobs {
    static final long CACHED_MAX = 64L << 20;
    private static final long BUDGET = 2L << 30;
    private static final int MAX_ENTRIES = 4096;

    private final ConcurrentHashMap<Digest, MappedByteBuffer> cache = new ConcurrentHashMap<>();
    private final AtomicLong mapped = new AtomicLong();

    /** A read-only buffer over the whole blob (positioned at 0), or null when its file is gone. */
    ByteBuffer map(Digest digest, Path file, long size) throws IOException {
        if (size == 0) {
            return ByteBuffer.allocate(0);
        }
        MappedByteBuffer cached = cache.get(digest);
        if (cached != null && cached.capacity() == size) {
            return cached.duplicate();
        }
        MappedByteBuffer buffer;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            buffer = channel.map(FileChannel.MapMode.READ_ONLY, 0, size);
        }
        if (cache.size() >= MAX_ENTRIES || mapped.addAndGet(size) > BUDGET) {
            cache.clear();
            mapped.set(size);
        }
        cache.put(digest, buffer);
        return buffer.duplicate();
    }
}
