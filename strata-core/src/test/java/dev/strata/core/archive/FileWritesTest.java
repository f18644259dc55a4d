package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileWritesTest {
    private static final Attributes ATTRIBUTES = new Attributes(new ApplyOptions(false, false, 4));

    @Test
    void theCallerWritesTheFirstSmallFilesItselfThenHandsThemOver() {
        try (FileWrites writes = new FileWrites(4, 3, ATTRIBUTES)) {
            assertThat(writes.takes(10)).isFalse();
            assertThat(writes.takes(FileWrites.MAX_BUFFERED_FILE + 1L)).as("a large file never counts").isFalse();
            assertThat(writes.takes(10)).isFalse();
            assertThat(writes.takes(10)).isFalse();
            assertThat(writes.takes(10)).as("the fourth small file").isTrue();
            assertThat(writes.takes(FileWrites.MAX_BUFFERED_FILE + 1L)).as("large files stay with the caller").isFalse();
            assertThat(writes.takes(10)).isTrue();
        }
    }

    @Test
    void fewerThanTwoThreadsMeansTheCallerWritesEverything() {
        try (FileWrites writes = new FileWrites(1, 0, ATTRIBUTES)) {
            for (int i = 0; i < 10; i++) {
                assertThat(writes.takes(10)).isFalse();
            }
        }
    }

    @Test
    void defaultsWriteSmallLayersInTheCallingThread() {
        assertThat(ApplyOptions.defaults().serialFiles()).isEqualTo(ApplyOptions.SERIAL_FILES).isPositive();
        assertThat(new ApplyOptions(true, true, 4).serialFiles()).as("explicit writers start at once").isZero();
    }
}
