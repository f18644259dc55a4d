package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TarWriterTest {
    private static byte[] tar(TarEntry entry) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter writer = new TarWriter(out);
        writer.write(entry, InputStream.nullInputStream());
        writer.finish();
        return out.toByteArray();
    }

    private static TarEntry file(String name, Map<String, byte[]> xattrs) {
        return new TarEntry(name, EntryType.FILE, null, 0644, 0, 0, 0, 1_700_000_000L, 0, 0, 0, xattrs);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 80, 86, 87, 88, 89, 990, 991, 992, 993, 994, 995, 996})
    void paxRecordLengthsCountTheirOwnDigits(int valueLength) {
        byte[] body = TarWriter.paxBody(Map.of("k", "v".repeat(valueLength).getBytes(StandardCharsets.US_ASCII)));

        String text = new String(body, StandardCharsets.US_ASCII);
        int declared = Integer.parseInt(text.substring(0, text.indexOf(' ')));
        assertThat(declared).isEqualTo(body.length);
        assertThat(text).endsWith("\n");
    }

    @Test
    void commonsCompressReadsXattrsAndLongNamesWeWrite() throws Exception {
        Map<String, byte[]> xattrs = new TreeMap<>();
        xattrs.put("user.a", "1".getBytes(StandardCharsets.UTF_8));
        String name = "x".repeat(300);

        var entry = TarListing.read(tar(file(name, xattrs))).getFirst().entry();

        assertThat(entry.getName()).isEqualTo(name);
        assertThat(entry.getExtraPaxHeaders()).containsEntry("SCHILY.xattr.user.a", "1");
        assertThat(entry.isCheckSumOK()).isTrue();
    }

    @Test
    void splitsNamesBetweenUstarPrefixAndNameWithoutPax() throws Exception {
        String name = "p".repeat(150) + "/" + "n".repeat(99);

        byte[] bytes = tar(file(name, Map.of()));

        assertThat(bytes[156]).isEqualTo((byte) '0'); // the first header is the entry itself, not a PAX header
        assertThat(TarListing.names(bytes)).containsExactly(name);
    }

    @Test
    void aDirectoryIsWrittenWithItsSlashAndAFileWithItsContent() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter writer = new TarWriter(out);
        writer.write(new TarEntry("d", EntryType.DIRECTORY, null, 0755, 0, 0, 0, 0, 0, 0, 0, Map.of()),
                InputStream.nullInputStream());
        writer.write(new TarEntry("d/f", EntryType.FILE, null, 0644, 0, 0, 3, 0, 0, 0, 0, Map.of()),
                new ByteArrayInputStream("abcdef".getBytes(StandardCharsets.US_ASCII)));
        writer.finish();

        var entries = TarListing.read(out.toByteArray());
        assertThat(entries).extracting(e -> e.entry().getName()).containsExactly("d/", "d/f");
        assertThat(entries.get(1).content()).asString(StandardCharsets.US_ASCII).isEqualTo("abc");
    }

    @Test
    void contentShorterThanItsSizeIsRefused() {
        TarWriter writer = new TarWriter(new ByteArrayOutputStream());
        TarEntry entry = new TarEntry("f", EntryType.FILE, null, 0644, 0, 0, 10, 0, 0, 0, 0, Map.of());

        assertThatThrownBy(() -> writer.write(entry, new ByteArrayInputStream(new byte[4])))
                .isInstanceOf(IOException.class).hasMessageContaining("ended early");
    }

    @Test
    void endsWithTwoZeroBlocksAndNothingMore() throws Exception {
        byte[] bytes = tar(file("f", Map.of()));

        assertThat(bytes).hasSize(512 + 1024);
        for (int i = 512; i < bytes.length; i++) {
            assertThat(bytes[i]).isZero();
        }
    }
}
