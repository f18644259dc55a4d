package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileReadsTest {
    @TempDir
    Path dir;

    @Test
    void answersAsTheOneShotCallsDo() throws Exception {
        Path file = dir.resolve("f");
        byte[] content = new byte[3_000_000];
        new Random(7).nextBytes(content);
        Files.write(file, content);
        Xattrs.set(file, "user.a", "1".getBytes(StandardCharsets.UTF_8));
        Xattrs.set(file, "user.b", "2".getBytes(StandardCharsets.UTF_8));
        Path link = dir.resolve("l");
        Files.createSymbolicLink(link, file);

        try (FileReads reads = new FileReads()) {
            assertThat(reads.lstat(file)).isEqualTo(PosixFiles.lstat(file));
            assertThat(reads.lstat(link).isSymbolicLink()).isTrue();
            assertThat(reads.xattrNames(file)).containsExactlyInAnyOrderElementsOf(Xattrs.list(file));
            assertThat(reads.xattrNames(dir)).isEmpty();

            ByteArrayOutputStream read = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 20];
            int fd = reads.open(file);
            try {
                int n;
                while ((n = reads.read(fd, file, buffer, 0, buffer.length)) > 0) {
                    read.write(buffer, 0, n);
                }
            } finally {
                reads.close(fd);
            }
            assertThat(read.toByteArray()).isEqualTo(content);

            assertThatThrownBy(() -> reads.open(link)).isInstanceOf(ErrnoException.class); // O_NOFOLLOW: ELOOP
            assertThatThrownBy(() -> reads.lstat(dir.resolve("missing"))).isInstanceOf(ErrnoException.class)
                    .hasMessageContaining("missing");
        }
    }
}
