package dev.strata.core.archive;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZInputStream;
import org.tukaani.xz.XZOutputStream;

/** The compressions a layer or root file system tarball may come in, recognised by their magic bytes. */
public enum Compression {
    NONE,
    GZIP,
    ZSTD,
    BZIP2,
    XZ;

    /** How many leading bytes {@link #detect} needs to tell every format apart. */
    public static final int MAGIC_LENGTH = 6;

    private static final int BUFFER = 1 << 16;

    /** The compression whose magic number starts {@code head}; {@link #NONE} if none does. */
    public static Compression detect(byte[] head, int length) {
        if (startsWith(head, length, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (startsWith(head, length, 'B', 'Z', 'h') && length >= 4 && head[3] >= '1' && head[3] <= '9') {
            return BZIP2;
        }
        if (startsWith(head, length, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
            return XZ;
        }
        return NONE;
    }

    /**
     * The uncompressed content of {@code in}, whatever compression it turns out to have. Reads the
     * first bytes to decide and puts them back, so nothing is lost.
     */
    public static InputStream decompressing(InputStream in) throws IOException {
        InputStream buffered = in.markSupported() ? in : new BufferedInputStream(in, BUFFER);
        buffered.mark(MAGIC_LENGTH);
        byte[] head = buffered.readNBytes(MAGIC_LENGTH);
        buffered.reset();
        return detect(head, head.length).wrap(buffered);
    }

    /** A stream of the uncompressed content of {@code raw}, which must be in this compression. */
    public InputStream wrap(InputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GZIPInputStream(raw, BUFFER);
            case ZSTD -> new ZstdInputStream(raw);
            case BZIP2 -> new BZip2CompressorInputStream(raw, true);
            case XZ -> new XZInputStream(raw);
        };
    }

    /**
     * A stream that compresses what is written to it into {@code raw}; closing it finishes the
     * compressed stream and closes {@code raw}. Output is deterministic: gzip carries no time or name.
     */
    public OutputStream wrap(OutputStream raw) throws IOException {
        return switch (this) {
            case NONE -> raw;
            case GZIP -> new GZIPOutputStream(raw, BUFFER);
            case ZSTD -> new ZstdOutputStream(raw);
            case BZIP2 -> new BZip2CompressorOutputStream(raw);
            case XZ -> new XZOutputStream(raw, new LZMA2Options());
        };
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length || head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
