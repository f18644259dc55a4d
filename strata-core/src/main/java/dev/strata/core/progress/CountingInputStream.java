package dev.strata.core.progress;

import dev.strata.core.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reports {@link Event.LayerProgress} as bytes of a layer are read, at most every 1 MiB. Not thread-safe. */
public final class CountingInputStream extends FilterInputStream {
    private static final long STEP = 1 << 20;

    private final ProgressListener listener;
    private final String action;
    private final Digest layer;
    private final long total;
    private long count;
    private long reported;

    public CountingInputStream(InputStream in, ProgressListener listener, String action, Digest layer, long total) {
        super(in);
        this.listener = listener;
        this.action = action;
        this.layer = layer;
        this.total = total;
        listener.onEvent(new Event.LayerProgress(action, layer, 0, total));
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    private void advance(long n) {
        count += n;
        if (count - reported >= STEP) {
            reported = count;
            listener.onEvent(new Event.LayerProgress(action, layer, count, total));
        }
    }

    @Override
    public void close() throws IOException {
        listener.onEvent(new Event.LayerProgress(action, layer, count, total < 0 ? count : total));
        super.close();
    }
}
