package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.CRC32;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerCompressorTest {
    private static final int UNIT = LayerCompressor.UNIT;

    @TempDir
    Path dir;

    /** Random bytes (stored), random bytes with zero runs (Huffman only), text (full deflate), in odd sizes. */
    private static byte[] mixed() {
        Random random = new Random(42);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] noise = new byte[UNIT + 1234];
        random.nextBytes(noise);
        out.writeBytes(noise);
        for (int i = 0; i < UNIT * 2 / 4096; i++) { // like a tar of small compressed files: a header every 4 KiB
            byte[] block = new byte[4096];
            random.nextBytes(block);
            java.util.Arrays.fill(block, 0, 512, (byte) 0);
            out.writeBytes(block);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; text.length() < UNIT + 777; i++) {
            text.append("line ").append(i).append(": the quick brown fox jumps over the lazy dog\n");
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        random.nextBytes(noise);
        out.write(noise, 0, 999);
        return out.toByteArray();
    }

    private static byte[] compress(byte[] plain, int threads) throws IOException {
        try (ExecutorService workers = Executors.newFixedThreadPool(threads)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            long total = new LayerCompressor(1, workers, threads).compress(new ByteArrayInputStream(plain),
                    out::write, n -> {});
            assertThat(total).isEqualTo(plain.length);
            return out.toByteArray();
        }
    }

    @Test
    void everyKindOfUnitComesBackAsItWentIn() throws Exception {
        byte[] plain = mixed();
        assertThat(DeflateUnit.estimatedSaving(plain, UNIT)).isLessThan(0.02);
        byte[] headered = java.util.Arrays.copyOfRange(plain, UNIT + 1234, UNIT + 1234 + UNIT);
        assertThat(DeflateUnit.estimatedSaving(headered, UNIT)).isBetween(0.02, 0.10);

        byte[] gzip = compress(plain, 2);

        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThat(gzip.length).isLessThan(plain.length); // the text and the zero runs did shrink
    }

    @Test
    void theOutputIsOneGzipMemberThatSystemGzipReads() throws Exception {
        byte[] plain = mixed();
        byte[] gzip = compress(plain, 3);

        Inflater inflater = new Inflater(true); // the body alone: one deflate stream, ending just before the trailer
        inflater.setInput(gzip, 10, gzip.length - 10);
        byte[] body = new byte[plain.length + 1];
        int n = inflater.inflate(body);
        assertThat(inflater.finished()).isTrue();
        assertThat(inflater.getRemaining()).isEqualTo(8);
        assertThat(n).isEqualTo(plain.length);
        inflater.end();
        CRC32 crc = new CRC32();
        crc.update(plain);
        long trailerCrc = java.nio.ByteBuffer.wrap(gzip, gzip.length - 8, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .getInt() & 0xffffffffL;
        assertThat(trailerCrc).isEqualTo(crc.getValue());

        Path file = dir.resolve("layer.gz");
        Files.write(file, gzip);
        Process gunzip = new ProcessBuilder("gzip", "-dc", file.toString()).redirectErrorStream(false).start();
        byte[] out = gunzip.getInputStream().readAllBytes();
        assertThat(gunzip.waitFor()).isZero();
        assertThat(out).isEqualTo(plain);
    }

    @Test
    void theSameLayerAlwaysCompressesToTheSameBytes() throws Exception {
        byte[] plain = mixed();
        assertThat(compress(plain, 1)).isEqualTo(compress(plain, 4));
    }

    @Test
    void emptyAndTinyLayersAreValidGzip() throws Exception {
        for (int size : new int[] {0, 1, UNIT, UNIT + 1}) {
            byte[] plain = new byte[size];
            new Random(size).nextBytes(plain);
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compress(plain, 2)))) {
                assertThat(in.readAllBytes()).isEqualTo(plain);
            }
        }
    }
}
