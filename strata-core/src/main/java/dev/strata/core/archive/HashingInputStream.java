package dev.strata.core.archive;

import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/** Digests in the reading thread; the simple counterpart of {@link ReadAheadInputStream}. Not thread-safe. */
final class HashingInputStream extends DigestingInputStream {
    private final InputStream in;
    private final MessageDigest digest = Digest.newSha256();
    private long count;

    HashingInputStream(InputStream in) {
        this.in = in;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            digest.update(b, off, n);
            count += n;
        }
        return n;
    }

    @Override
    Digest digestToEnd() throws IOException {
        byte[] scratch = new byte[1 << 16];
        while (read(scratch, 0, scratch.length) >= 0) {
            // drained for the digest
        }
        return Digest.fromSha256(digest.digest());
    }

    @Override
    long bytesRead() {
        return count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
