package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTest {
    private static final byte[] TEXT = "a layer is a tar of changes\n".repeat(200).getBytes(StandardCharsets.UTF_8);

    private static byte[] compress(Compression compression, byte[] plain) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressing = compression.wrap(out)) {
            compressing.write(plain);
        }
        return out.toByteArray();
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void detectsWhatWrapWrites(Compression compression) throws Exception {
        byte[] compressed = compress(compression, TEXT);

        assertThat(Compression.detect(compressed, compressed.length)).isEqualTo(compression);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void decompressingRestoresEveryByte(Compression compression) throws Exception {
        try (InputStream in = Compression.decompressing(new ByteArrayInputStream(compress(compression, TEXT)))) {
            assertThat(in.readAllBytes()).isEqualTo(TEXT);
        }
    }

    @Test
    void detectsByMagicBytesOnly() {
        assertThat(Compression.detect(new byte[] {0x1f, (byte) 0x8b, 8}, 3)).isEqualTo(Compression.GZIP);
        assertThat(Compression.detect(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, 4)).isEqualTo(Compression.ZSTD);
        assertThat(Compression.detect("BZh9".getBytes(StandardCharsets.US_ASCII), 4)).isEqualTo(Compression.BZIP2);
        assertThat(Compression.detect("BZhx".getBytes(StandardCharsets.US_ASCII), 4)).isEqualTo(Compression.NONE);
        assertThat(Compression.detect(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, 6)).isEqualTo(Compression.XZ);
        assertThat(Compression.detect(new byte[] {0x1f, (byte) 0x8b}, 1)).isEqualTo(Compression.NONE);
        assertThat(Compression.detect(new byte[0], 0)).isEqualTo(Compression.NONE);
        assertThat(Compression.detect("etc/passwd".getBytes(StandardCharsets.US_ASCII), 10)).isEqualTo(Compression.NONE);
    }

    @Test
    void decompressingAPlainStreamLosesNothingEvenWhenShort() throws Exception {
        for (byte[] plain : new byte[][] {new byte[0], {1}, {0x1f}, TEXT}) {
            assertThat(Compression.decompressing(new ByteArrayInputStream(plain)).readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void gzipOutputIsDeterministic() throws Exception {
        assertThat(compress(Compression.GZIP, TEXT)).isEqualTo(compress(Compression.GZIP, TEXT));
    }

    @Test
    void readsConcatenatedGzipMembers() throws Exception {
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(compress(Compression.GZIP, "one ".getBytes(StandardCharsets.US_ASCII)));
        both.writeBytes(compress(Compression.GZIP, "two".getBytes(StandardCharsets.US_ASCII)));

        assertThat(Compression.decompressing(new ByteArrayInputStream(both.toByteArray())).readAllBytes())
                .asString().isEqualTo("one two");
    }
}
