package dev.strata.core.content;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.function.BiFunction;

/**
 * Writes one blob into a temporary file of the store's ingest directory, digesting the bytes as they pass.
 * {@link #stage} verifies and fsyncs the file without publishing it; {@link #commit} also publishes it.
 * Closing a writer that was neither staged nor committed deletes its file. Not thread-safe.
 */
public final class BlobWriter extends OutputStream {
    private static final int BUFFER = 1 << 20;

    private final Path file;
    private final FileChannel channel;
    private final MessageDigest sha256 = Digest.newSha256();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private final BiFunction<Path, Digest, Digest> publisher;
    private long size;
    private boolean done;
    /** False when the reader of {@link #teeingDigestedByReader} digests the bytes instead. */
    private boolean digesting = true;

    BlobWriter(Path file, FileChannel channel, BiFunction<Path, Digest, Digest> publisher) {
        this.file = file;
        this.channel = channel;
        this.publisher = publisher;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes) {
        write(bytes, 0, bytes.length);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        size += length;
        try {
            while (length > 0) {
                int n = Math.min(length, buffer.remaining());
                buffer.put(bytes, offset, n);
                offset += n;
                length -= n;
                if (!buffer.hasRemaining()) {
                    drain();
                }
            }
        } catch (IOException e) {
            throw ioFailure(e);
        }
    }

    /** Hashes the buffered bytes where they lie (a native digest reads the direct buffer itself), then writes them. */
    private void drain() throws IOException {
        buffer.flip();
        if (digesting) {
            sha256.update(buffer.duplicate());
        }
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
        buffer.clear();
    }

    /**
     * A stream that reads {@code in} and writes every byte it passes on into this blob, skipped bytes included
     * (skipping reads them), so the blob holds exactly what the reader consumed.
     */
    public InputStream teeing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0) {
                    write(b);
                }
                return b;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                int n = in.read(bytes, offset, length);
                if (n > 0) {
                    write(bytes, offset, n);
                }
                return n;
            }

            @Override
            public long skip(long n) throws IOException {
                byte[] scratch = new byte[(int) Math.min(n, 1 << 16)];
                long skipped = 0;
                while (skipped < n) {
                    int r = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
                    if (r < 0) {
                        break;
                    }
                    skipped += r;
                }
                return skipped;
            }

            @Override
            public boolean markSupported() {
                return false;
            }
        };
    }

    /**
     * Like {@link #teeing}, for a reader that digests every byte it reads itself (a snapshotter unpacking an
     * uncompressed layer computes its diffID, which is this blob's digest): the bytes are hashed once, not twice,
     * and {@link #stage} must then be given that digest, which it records as the blob's.
     */
    public InputStream teeingDigestedByReader(InputStream in) {
        digesting = false;
        return teeing(in);
    }

    /** Bytes written so far. */
    public long size() {
        return size;
    }

    /**
     * Finishes the file and checks it against what it should be ({@code expected} and {@code expectedSize}
     * may be null and -1 when unknown). The blob is durable but not yet visible in the store.
     */
    public StagedBlob stage(Digest expected, long expectedSize) {
        try {
            drain();
            channel.force(false);
            channel.close();
        } catch (IOException e) {
            throw ioFailure(e);
        }
        if (!digesting && expected == null) {
            deleteQuietly();
            throw new IllegalStateException("a blob digested by its reader must be staged with the reader's digest");
        }
        Digest actual = digesting ? Digest.fromSha256(sha256.digest()) : expected;
        done = true;
        if (expectedSize >= 0 && expectedSize != size) {
            deleteQuietly();
            throw new DigestMismatchException(expected == null ? actual : expected, expectedSize, size);
        }
        if (expected != null && !expected.equals(actual)) {
            deleteQuietly();
            throw new DigestMismatchException(expected, actual);
        }
        return new StagedBlob(actual, size, file, publisher);
    }

    /** Stages and publishes the blob; returns its digest. */
    public Digest commit(Digest expected, long expectedSize) {
        return stage(expected, expectedSize).publish();
    }

    @Override
    public void close() {
        if (!done) {
            done = true;
            try {
                channel.close();
            } catch (IOException e) {
                // closing a file we are about to delete: nothing to save
            }
            deleteQuietly();
        }
    }

    private void deleteQuietly() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // left for the ingest cleanup at the next start
        }
    }

    private StrataException ioFailure(IOException e) {
        close();
        return new StrataException(StrataException.Kind.SYSTEM, "cannot write blob: " + (e.getMessage() == null ? e.toString() : e.getMessage()),
                new UncheckedIOException(e));
    }
}
