package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FifosTest {
    private static final int S_IFIFO = 0010000;

    @TempDir
    Path dir;

    @Test
    void writesAMessageTheReaderGetsWhole() throws Exception {
        Path fifo = dir.resolve("ctl");
        PosixFiles.mknod(fifo, S_IFIFO | 0600, 0);
        // read-write keeps a reader present without blocking on open
        try (RandomAccessFile reader = new RandomAccessFile(fifo.toFile(), "rw")) {
            Fifos.write(fifo, "1 24 80\n".getBytes(StandardCharsets.US_ASCII));

            byte[] buffer = new byte[8];
            reader.readFully(buffer);
            assertThat(new String(buffer, StandardCharsets.US_ASCII)).isEqualTo("1 24 80\n");
        }
    }

    @Test
    void writingWithoutAReaderFailsInsteadOfHanging() throws Exception {
        Path fifo = dir.resolve("ctl");
        PosixFiles.mknod(fifo, S_IFIFO | 0600, 0);

        assertThatThrownBy(() -> Fifos.write(fifo, new byte[] {'x'}))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENXIO));
    }
}
