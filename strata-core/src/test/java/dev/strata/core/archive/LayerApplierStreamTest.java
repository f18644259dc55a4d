package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The layer as a byte stream: compressions, the diffID, and streams that are broken in some way. */
class LayerApplierStreamTest {
    @TempDir
    Path target;

    private static byte[] layer() {
        return new TarFixture()
                .dir("etc")
                .file("etc/os-release", "ID=strata\n")
                .file("data", new byte[100_000], 0644, e -> {})
                .build();
    }

    private static byte[] compress(Compression compression, byte[] plain) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressing = compression.wrap(out)) {
            compressing.write(plain);
        }
        return out.toByteArray();
    }

    private static LayerApplier applier(boolean readAhead) {
        return new LayerApplier(new ApplyOptions(dev.strata.core.sys.Credentials.isRoot(), readAhead, readAhead ? 2 : 0));
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void appliesEveryCompressionAndTheDiffIdIsTheDigestOfThePlainTar(Compression compression) throws Exception {
        byte[] plain = layer();

        ApplyResult result = new LayerApplier().apply(new ByteArrayInputStream(compress(compression, plain)), target);

        assertThat(result.diffId()).isEqualTo(Digest.sha256(plain));
        assertThat(target.resolve("etc/os-release")).hasContent("ID=strata");
        assertThat(result.size()).isEqualTo(10 + 100_000);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void diffIdCoversBytesAfterTheTrailer(boolean readAhead) throws Exception {
        byte[] plain = layer();
        byte[] padded = Arrays.copyOf(plain, plain.length + 4096); // extra zero blocks, as some tools write

        ApplyResult result = applier(readAhead).apply(new ByteArrayInputStream(padded), target);

        assertThat(result.diffId()).isEqualTo(Digest.sha256(padded));
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void readsTheLayerToItsEndButDoesNotCloseIt(boolean readAhead) throws Exception {
        var closed = new boolean[1];
        InputStream in = new ByteArrayInputStream(compress(Compression.GZIP, layer())) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        applier(readAhead).apply(in, target);

        assertThat(in.read()).isEqualTo(-1);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void acceptsAnEmptyLayerAndATarWithoutTrailer() throws Exception {
        byte[] empty = new byte[1024];
        assertThat(new LayerApplier().apply(new ByteArrayInputStream(empty), target).entries()).isZero();

        byte[] plain = new TarFixture().file("f", "x").build();
        byte[] noTrailer = Arrays.copyOf(plain, 1024); // header and one content block, nothing else
        Path other = Files.createDirectory(target.resolve("other"));
        assertThat(new LayerApplier().apply(new ByteArrayInputStream(noTrailer), other).entries()).isEqualTo(1);
        assertThat(other.resolve("f")).hasContent("x");
    }

    @ParameterizedTest
    @ValueSource(ints = {700, 1000, 513})
    void refusesATarCutInsideAnEntryOrAHeader(int length) {
        byte[] plain = new TarFixture().file("f", new byte[2000], 0644, e -> {}).file("g", "y").build();
        byte[] cut = Arrays.copyOf(plain, length == 1000 ? 2560 + 100 : length); // 2560 is where "g" starts

        assertCorrupt(cut);
    }

    @Test
    void refusesAHeaderWithAWrongChecksum() {
        byte[] plain = new TarFixture().file("f", "x").build();
        plain[0] = 'g'; // the name changes, the checksum does not

        assertCorrupt(plain).hasMessageContaining("checksum");
    }

    @Test
    void refusesGarbage() {
        byte[] garbage = new byte[8192];
        new java.util.Random(7).nextBytes(garbage);
        garbage[0] = 'x'; // not a compression magic

        assertCorrupt(garbage);
    }

    @Test
    void refusesATruncatedGzipStream() throws Exception {
        byte[] gzip = compress(Compression.GZIP, layer());

        assertCorrupt(Arrays.copyOf(gzip, gzip.length / 2)).hasMessageContaining("corrupt or truncated");
    }

    @Test
    void refusesACorruptZstdStream() throws Exception {
        byte[] zstd = compress(Compression.ZSTD, layer());
        for (int i = 20; i < zstd.length; i += 7) {
            zstd[i] ^= 0x5a;
        }

        assertCorrupt(zstd);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aFailingSourceStreamIsReportedAsItsOwnException(boolean readAhead) {
        byte[] gzip;
        try {
            gzip = compress(Compression.GZIP, layer());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        IOException broken = new IOException("connection reset");
        InputStream failing = new InputStream() {
            private int position;

            @Override
            public int read() throws IOException {
                if (position >= 200) {
                    throw broken;
                }
                return gzip[position++] & 0xff;
            }
        };

        assertThatThrownBy(() -> applier(readAhead).apply(failing, target)).isSameAs(broken);
    }

    @Test
    void refusesATargetThatIsNotADirectory() throws Exception {
        Path file = Files.writeString(target.resolve("file"), "x");

        assertThatThrownBy(() -> new LayerApplier().apply(new ByteArrayInputStream(layer()), file))
                .isInstanceOfSatisfying(StrataException.class,
                        e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT));
    }

    private org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertCorrupt(byte[] bytes) {
        var check = assertThatThrownBy(() -> new LayerApplier().apply(new ByteArrayInputStream(bytes), target))
                .isInstanceOfSatisfying(StrataException.class,
                        e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CORRUPT))
                .hasMessageStartingWith("cannot extract layer: ");
        check.satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        return check;
    }
}
