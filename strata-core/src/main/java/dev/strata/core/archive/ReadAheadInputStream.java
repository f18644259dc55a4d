package dev.strata.core.archive;

import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads (and so decompresses) and digests its source in a second thread while the caller parses and
 * writes files: a layer's apply time becomes the longer of the two halves instead of their sum. A fixed
 * set of buffers circulates between the two threads, so memory stays bounded and nothing is allocated
 * per chunk. One reader thread only.
 */
final class ReadAheadInputStream extends DigestingInputStream {
    private static final int CHUNK_SIZE = 1 << 18;
    private static final int CHUNKS = 8;

    /** A filled buffer, the end of the stream ({@code length < 0}) or the failure that ended it. */
    private record Chunk(byte[] data, int length, Throwable failure) {}

    private static final Chunk END = new Chunk(null, -1, null);

    private final InputStream in;
    private final MessageDigest digest = Digest.newSha256();
    private final BlockingQueue<byte[]> empty = new ArrayBlockingQueue<>(CHUNKS);
    private final BlockingQueue<Chunk> filled = new ArrayBlockingQueue<>(CHUNKS + 1);
    private final Thread producer;
    private volatile boolean stopped;
    private volatile long produced;

    private Chunk current;
    private int position;
    private boolean ended;

    ReadAheadInputStream(InputStream in) {
        this.in = in;
        for (int i = 0; i < CHUNKS; i++) {
            empty.add(new byte[CHUNK_SIZE]);
        }
        this.producer = Thread.ofVirtual().name("strata-layer-read-ahead").start(this::produce);
    }

    private void produce() {
        try {
            while (!stopped) {
                byte[] buffer = empty.take();
                int n = in.readNBytes(buffer, 0, buffer.length);
                if (n > 0) {
                    digest.update(buffer, 0, n);
                    produced += n;
                    filled.put(new Chunk(buffer, n, null));
                }
                if (n < buffer.length) {
                    filled.put(END);
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            // Room is guaranteed: at most CHUNKS buffers are in flight, plus this one marker.
            filled.offer(new Chunk(null, -1, t));
        }
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return current.data[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - position);
        System.arraycopy(current.data, position, b, off, n);
        position += n;
        return n;
    }

    @Override
    Digest digestToEnd() throws IOException {
        while (fill()) {
            position = current.length;
        }
        // END is queued after the last update, so the digest is complete and visible here.
        return Digest.fromSha256(digest.digest());
    }

    @Override
    long bytesRead() {
        return produced;
    }

    /** True if there is a byte to deliver; rethrows what ended the producer, if it failed. */
    private boolean fill() throws IOException {
        if (ended) {
            return false;
        }
        if (current != null) {
            if (position < current.length) {
                return true;
            }
            empty.add(current.data);
            current = null;
        }
        Chunk next;
        try {
            next = filled.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading the layer");
        }
        if (next.length < 0) {
            ended = true;
            if (next.failure != null) {
                throw rethrow(next.failure);
            }
            return false;
        }
        current = next;
        position = 0;
        return true;
    }

    private static IOException rethrow(Throwable failure) {
        return switch (failure) {
            case IOException e -> e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> new IOException(failure);
        };
    }

    /**
     * Stops the producer and waits for it, so that nobody reads the source after this returns; without
     * interrupting it, because an interrupt would close an interruptible channel that is the caller's.
     */
    @Override
    public void close() throws IOException {
        stopped = true;
        boolean interrupted = false;
        while (producer.isAlive()) {
            Chunk chunk;
            while ((chunk = filled.poll()) != null) {
                if (chunk.data != null) {
                    empty.offer(chunk.data);
                }
            }
            if (current != null) {
                empty.offer(current.data);
                current = null;
            }
            try {
                producer.join(10);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        ended = true;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        in.close();
    }
}
