package dev.strata.core.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hands the pieces of a blob being made (compressed) to a reader (an HTTP request body) without copying them: a
 * bounded queue of byte ranges, read as an {@link InputStream}. The writer blocks while the queue is full; once
 * the reader has {@linkplain #abandon abandoned} the stream (its request failed), further pieces are dropped, so
 * the writer can finish the blob for the store anyway. One writer thread and one reader thread.
 */
final class BlobPipe {
    private record Piece(byte[] bytes, int offset, int length) {}

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Deque<Piece> pieces = new ArrayDeque<>();
    private long queued;
    private boolean closed;
    private boolean abandoned;
    private IOException failure;

    /** @param capacity how many bytes may wait for the reader before the writer blocks */
    BlobPipe(long capacity) {
        this.capacity = capacity;
    }

    /**
     * Queues {@code bytes[offset, offset + length)}, which must not change afterwards; returns false (dropping
     * them) once the reader has abandoned the stream.
     */
    boolean offer(byte[] bytes, int offset, int length) throws InterruptedIOException {
        lock.lock();
        try {
            while (!abandoned && queued > 0 && queued + length > capacity) {
                await();
            }
            if (abandoned) {
                return false;
            }
            if (length > 0) {
                pieces.addLast(new Piece(bytes, offset, length));
                queued += length;
                changed.signalAll();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** The end of the blob: the reader sees the end of the stream after the last piece. */
    void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The writer failed: the reader gets {@code e} instead of the end of the stream, so the request is aborted. */
    void fail(IOException e) {
        lock.lock();
        try {
            failure = e;
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader is gone: pieces still queued are dropped and the writer never blocks again. */
    void abandon() {
        lock.lock();
        try {
            abandoned = true;
            pieces.clear();
            queued = 0;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The reader's side. */
    InputStream input() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] target, int offset, int length) throws IOException {
                if (length == 0) {
                    return 0;
                }
                lock.lock();
                try {
                    while (pieces.isEmpty() && !closed && !abandoned) {
                        await();
                    }
                    if (failure != null) {
                        throw new IOException("the blob could not be made: " + failure.getMessage(), failure);
                    }
                    Piece head = pieces.peekFirst();
                    if (head == null) {
                        return -1;
                    }
                    int n = Math.min(length, head.length());
                    System.arraycopy(head.bytes(), head.offset(), target, offset, n);
                    pieces.removeFirst();
                    if (n < head.length()) {
                        pieces.addFirst(new Piece(head.bytes(), head.offset() + n, head.length() - n));
                    }
                    queued -= n;
                    changed.signalAll();
                    return n;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void close() {
                abandon();
            }
        };
    }

    private void await() throws InterruptedIOException {
        try {
            changed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while passing a blob on");
        }
    }
}
