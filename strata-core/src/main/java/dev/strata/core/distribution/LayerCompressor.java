package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.ContentIngester;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.zip.CRC32;

/**
 * Compresses an uncompressed layer into one gzip member, in parallel: the layer is cut into 256 KiB units that the
 * shared workers deflate independently ({@link DeflateUnit}), and the units are joined in order behind one gzip
 * header. The result is a single, ordinary gzip stream (no reader needs multi-member support), and it depends only
 * on the layer's bytes and the level, so the same layer always compresses to the same digest. Thread-safe: the
 * workers are shared, each call keeps its own state.
 */
final class LayerCompressor {
    /** How much of the layer one worker deflates at a time: small enough to spread, big enough to lose little. */
    static final int UNIT = 256 << 10;
    /** No name, no time, OS "unknown": nothing in the header varies between runs or machines. */
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    /** Where the compressed bytes go, in order. The arrays it is given are never changed afterwards. */
    @FunctionalInterface
    interface Sink {
        void accept(byte[] bytes, int offset, int length) throws IOException;
    }

    private final int level;
    private final ExecutorService workers;
    private final int ahead;

    /**
     * @param workers platform threads that deflate units (as many as there are cores)
     * @param parallelism how many threads {@code workers} has: each call keeps twice as many units in flight
     */
    LayerCompressor(int level, ExecutorService workers, int parallelism) {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("gzip level " + level + " is not between 0 and 9");
        }
        this.level = level;
        this.workers = workers;
        this.ahead = 2 * Math.max(1, parallelism) + 1;
    }

    /**
     * Compresses {@code plain} (closed at the end) into {@code sink}; {@code progress} gets the uncompressed bytes
     * read so far. Returns how many uncompressed bytes there were.
     */
    long compress(InputStream plain, Sink sink, LongConsumer progress) throws IOException {
        CRC32 crc = new CRC32();
        long total = 0;
        Deque<Future<byte[]>> pending = new ArrayDeque<>();
        try (plain) {
            sink.accept(HEADER, 0, HEADER.length);
            byte[] previous = null;
            while (true) {
                byte[] unit = new byte[UNIT];
                int n = plain.readNBytes(unit, 0, UNIT);
                if (n == 0) {
                    break;
                }
                crc.update(unit, 0, n);
                total += n;
                byte[] dictionary = previous;
                pending.add(workers.submit(() -> DeflateUnit.deflate(unit, n, dictionary, level)));
                while (pending.size() >= ahead) {
                    write(pending.removeFirst(), sink);
                }
                progress.accept(total);
                if (n < UNIT) {
                    break;
                }
                previous = unit;
            }
            while (!pending.isEmpty()) {
                write(pending.removeFirst(), sink);
            }
        } finally {
            pending.forEach(f -> f.cancel(false));
        }
        sink.accept(DeflateUnit.END, 0, DeflateUnit.END.length);
        byte[] trailer = new byte[8];
        long crcValue = crc.getValue();
        for (int i = 0; i < 4; i++) {
            trailer[i] = (byte) (crcValue >>> (8 * i));
            trailer[4 + i] = (byte) (total >>> (8 * i));
        }
        sink.accept(trailer, 0, trailer.length);
        return total;
    }

    /** Writes the gzip of {@code plain} into the store; returns its descriptor. */
    Descriptor compress(InputStream plain, ContentIngester content) {
        try (BlobWriter writer = content.writer()) {
            compress(plain, writer::write, n -> {});
            long size = writer.size();
            Digest digest = writer.commit(null, -1);
            return new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, digest, size);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot compress a layer: " + e.getMessage(), e);
        }
    }

    private static void write(Future<byte[]> unit, Sink sink) throws IOException {
        byte[] bytes;
        try {
            bytes = unit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while compressing a layer");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("cannot compress a layer: " + e.getCause(), e.getCause());
        }
        sink.accept(bytes, 0, bytes.length);
    }
}
