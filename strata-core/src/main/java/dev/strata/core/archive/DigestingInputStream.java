package dev.strata.core.archive;

import dev.strata.core.oci.Digest;
import java.io.IOException;
import java.io.InputStream;

/** A stream that computes the sha256 of everything it delivers; skipping reads, so nothing escapes the digest. */
abstract class DigestingInputStream extends InputStream {
    /** Reads whatever is left up to the end, then returns the sha256 of every byte of the stream. */
    abstract Digest digestToEnd() throws IOException;

    /** Bytes read from below so far (possibly more than delivered, for a stream that reads ahead). */
    abstract long bytesRead();

    @Override
    public long skip(long n) throws IOException {
        byte[] scratch = new byte[(int) Math.min(8192, Math.max(n, 1))];
        long skipped = 0;
        while (skipped < n) {
            int read = read(scratch, 0, (int) Math.min(scratch.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }
}
