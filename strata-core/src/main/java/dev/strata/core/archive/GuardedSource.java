package dev.strata.core.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps the caller's tar stream: remembers whether reading it failed, so that a broken connection is
 * reported as what it is and not as a corrupt archive, and ignores close, because the stream is the caller's.
 */
final class GuardedSource extends FilterInputStream {
    private volatile IOException failure;

    GuardedSource(InputStream in) {
        super(in);
    }

    /** The exception the caller's stream threw, or null if it never failed. */
    IOException failure() {
        return failure;
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return in.skip(n);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() {
        // the caller opened it and closes it
    }
}
