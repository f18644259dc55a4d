package dev.strata.core.build.context;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class FingerprintTest {
    private static ContextFile file(String path, int mode, long size, long mtime, long ctime, long inode) {
        return new ContextFile(path, Path.of("/ctx"), new FileInfo(mode, size, mtime, ctime, inode, 0), null);
    }

    private static List<ContextFile> withLast(ContextFile last) {
        return List.of(FILES.get(0), FILES.get(1), last);
    }

    private static final List<ContextFile> FILES = List.of(
            file("files", 040755, 4096, 1_700_000_000_123_456_789L, 1_700_000_001_000_000_000L, 11),
            file("files/a.txt", 0100644, 12, 1_700_000_002_000_000_001L, 1_700_000_003_000_000_002L, 12),
            file("files/b.txt", 0100600, 0, 1_600_000_000_000_000_000L, 1_700_000_004_999_999_999L, 13));

    private static final long PINNED_1 = -7754813385828801629L;
    private static final long PINNED_2 = 2640494877945747961L;

    @Test
    void theFingerprintOfAListOfFilesStaysWhatEarlierVersionsSaved() {
        // computed by the first version, whose values are in the checksum caches of existing stores
        assertThat(Fingerprint.of(FILES)).containsExactly(PINNED_1, PINNED_2);
    }

    @Test
    void orderDoesNotCountButEveryStatFieldDoes() {
        List<ContextFile> reversed = new ArrayList<>(FILES);
        Collections.reverse(reversed);
        assertThat(Fingerprint.of(reversed)).containsExactly(Fingerprint.of(FILES));

        long[] before = Fingerprint.of(FILES);
        long m = 1_600_000_000_000_000_000L;
        long c = 1_700_000_004_999_999_999L;
        List<List<ContextFile>> changed = List.of(
                withLast(file("files/c.txt", 0100600, 0, m, c, 13)),
                withLast(file("files/b.txt", 0100644, 0, m, c, 13)),
                withLast(file("files/b.txt", 0100600, 1, m, c, 13)),
                withLast(file("files/b.txt", 0100600, 0, m + 1, c, 13)),
                withLast(file("files/b.txt", 0100600, 0, m, c + 1, 13)),
                withLast(file("files/b.txt", 0100600, 0, m, c, 14)),
                List.of(FILES.get(0), FILES.get(1)));
        for (List<ContextFile> files : changed) {
            assertThat(Fingerprint.of(files)).as(files.getLast().toString()).isNotEqualTo(before);
        }
    }
}
