package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.ContentIngester;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.MediaTypes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Compresses an uncompressed layer blob into a gzip blob of the content store, once per layer (push remembers the
 * result). Level 1: pushing is dominated by compression, and the fastest level costs only a little size. The
 * output carries no name or time, so the same layer always compresses to the same digest. Stateless.
 */
final class LayerCompressor {
    private static final int BUFFER = 1 << 20;
    private static final byte[] HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final int level;

    LayerCompressor(int level) {
        this.level = level;
    }

    /** Writes the gzip of {@code plain} into the store; returns its descriptor. */
    Descriptor compress(InputStream plain, ContentIngester content) {
        Deflater deflater = new Deflater(level, true);
        CRC32 crc = new CRC32();
        byte[] in = new byte[BUFFER];
        byte[] out = new byte[BUFFER];
        long total = 0;
        try (BlobWriter writer = content.writer(); plain) {
            writer.write(HEADER);
            for (int n; (n = plain.readNBytes(in, 0, in.length)) > 0; ) {
                crc.update(in, 0, n);
                total += n;
                deflater.setInput(in, 0, n);
                while (!deflater.needsInput()) {
                    drain(deflater, writer, out);
                }
            }
            deflater.finish();
            while (!deflater.finished()) {
                drain(deflater, writer, out);
            }
            trailer(writer, crc.getValue(), total);
            long size = writer.size();
            Digest digest = writer.commit(null, -1);
            return new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, digest, size);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot compress a layer: " + e.getMessage(), e);
        } finally {
            deflater.end();
        }
    }

    private static void drain(Deflater deflater, OutputStream writer, byte[] out) throws IOException {
        int n = deflater.deflate(out, 0, out.length, Deflater.NO_FLUSH);
        if (n > 0) {
            writer.write(out, 0, n);
        }
    }

    private static void trailer(OutputStream out, long crc, long size) throws IOException {
        byte[] t = new byte[8];
        for (int i = 0; i < 4; i++) {
            t[i] = (byte) (crc >>> (8 * i));
            t[4 + i] = (byte) (size >>> (8 * i));
        }
        out.write(t);
    }
}
