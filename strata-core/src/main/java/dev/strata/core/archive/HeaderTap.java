package dev.strata.core.archive;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Sits below Commons Compress's tar reader, counts every byte it takes and, while asked to, keeps a copy
 * so that {@link RawHeader} can read the header blocks of the entry just parsed. Entry content passes
 * through without being copied. Skipping reads, so every byte is seen by the stream below.
 */
final class HeaderTap extends InputStream {
    private final InputStream in;
    private final byte[] scratch = new byte[8192];
    private byte[] record = new byte[4 * RawHeader.BLOCK];
    private int recorded;
    private long recordStart;
    private boolean recording;
    private long offset;

    HeaderTap(InputStream in) {
        this.in = in;
    }

    /** Keeps what is read from now on, until {@link #stopRecording()}. */
    void startRecording() {
        recording = true;
        recorded = 0;
        recordStart = offset;
    }

    /** The header read since {@link #startRecording()}; null if the bytes hold none. */
    RawHeader stopRecording() {
        recording = false;
        return RawHeader.parse(record, recorded, recordStart);
    }

    /** Bytes taken from the stream below so far. */
    long offset() {
        return offset;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            offset++;
            if (recording) {
                ensureRoom(1);
                record[recorded++] = (byte) b;
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n > 0) {
            offset += n;
            if (recording) {
                keep(b, off, n);
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
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

    @Override
    public int available() throws IOException {
        return in.available();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private void keep(byte[] b, int off, int n) {
        ensureRoom(n);
        System.arraycopy(b, off, record, recorded, n);
        recorded += n;
    }

    private void ensureRoom(int n) {
        if (recorded + n > record.length) {
            record = Arrays.copyOf(record, Math.max(record.length * 2, recorded + n));
        }
    }
}
