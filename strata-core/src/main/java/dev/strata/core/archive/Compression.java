package dev.strata.core.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** TEMPORARY stub until the archive branch lands. */
public enum Compression {
    NONE, GZIP, ZSTD, BZIP2, XZ;

    public static Compression detect(byte[] head, int length) {
        if (length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            return GZIP;
        }
        return NONE;
    }

    public static InputStream decompressing(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 65536);
        buffered.mark(16);
        byte[] head = buffered.readNBytes(8);
        buffered.reset();
        return detect(head, head.length).wrap(buffered);
    }

    public InputStream wrap(InputStream raw) throws IOException {
        return this == GZIP ? new GZIPInputStream(raw, 65536) : raw;
    }
}
