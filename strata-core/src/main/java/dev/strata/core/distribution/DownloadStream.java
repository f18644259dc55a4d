package dev.strata.core.distribution;

import dev.strata.core.content.DigestMismatchException;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.function.LongConsumer;

/**
 * The bytes of one blob for a reader: first what an earlier attempt left in the partial file, then the rest from
 * the registry, each byte appended to the partial file and digested as it passes, so the blob is hashed once and
 * a cut-off download can resume. {@link #finish} reads what the reader left and checks size and digest. Not
 * thread-safe.
 */
final class DownloadStream extends InputStream {
    private final Descriptor blob;
    private final FileChannel partial;
    private final long prefix;
    private final InputStream network;
    private final MessageDigest digest;
    private final LongConsumer progress;
    private long position;
    private boolean networkFailed;

    /** @param kept how many bytes of the partial file are kept (the registry sends from there on) */
    DownloadStream(Descriptor blob, FileChannel partial, long kept, InputStream network, LongConsumer progress)
            throws IOException {
        this.blob = blob;
        this.partial = partial;
        this.prefix = kept;
        this.network = network;
        this.digest = blob.digest().newMessageDigest();
        this.progress = progress;
        partial.truncate(kept);
        partial.position(0);
    }

    /** Whether a failure came from the registry's connection (worth resuming) rather than the data. */
    boolean networkFailed() {
        return networkFailed;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        int n;
        if (position < prefix) {
            ByteBuffer target = ByteBuffer.wrap(buffer, offset, (int) Math.min(length, prefix - position));
            n = partial.read(target, position);
            if (n < 0) {
                throw new IOException("the partial download shrank while it was read");
            }
        } else {
            try {
                n = network.read(buffer, offset, length);
            } catch (IOException e) {
                networkFailed = true;
                throw e;
            }
            if (n < 0) {
                return -1;
            }
            if (position + n > blob.size()) {
                throw new DigestMismatchException(blob.digest(), blob.size(), position + n);
            }
            ByteBuffer source = ByteBuffer.wrap(buffer, offset, n);
            long at = position;
            while (source.hasRemaining()) {
                at += partial.write(source, at);
            }
        }
        digest.update(buffer, offset, n);
        position += n;
        progress.accept(position);
        return n;
    }

    /** Reads to the end, then checks the blob's size and digest. */
    void finish() throws IOException {
        byte[] rest = new byte[1 << 16];
        while (read(rest, 0, rest.length) >= 0) {
            // drain: trailing bytes a decompressor did not need are part of the blob
        }
        if (position != blob.size()) {
            throw new DigestMismatchException(blob.digest(), blob.size(), position);
        }
        Digest actual = new Digest(blob.digest().algorithm(), java.util.HexFormat.of().formatHex(digest.digest()));
        if (!actual.equals(blob.digest())) {
            throw new DigestMismatchException(blob.digest(), actual);
        }
    }

    /** Makes the partial file durable, for a blob that becomes the store's own (an uncompressed layer). */
    void makeDurable() throws IOException {
        partial.force(false);
    }

    @Override
    public void close() throws IOException {
        network.close();
    }
}
