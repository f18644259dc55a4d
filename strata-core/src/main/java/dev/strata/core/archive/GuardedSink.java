package dev.strata.core.archive;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Wraps the caller's output stream and remembers whether writing to it failed, so that a closed pipe or
 * a broken connection is reported as the caller's own exception and not as a failure to read the tree
 * being archived. Not thread-safe.
 */
public final class GuardedSink extends FilterOutputStream {
    private IOException failure;

    public GuardedSink(OutputStream out) {
        super(out);
    }

    /** The exception the caller's stream threw, or null if it never failed. */
    public IOException failure() {
        return failure;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            out.flush();
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }
}
