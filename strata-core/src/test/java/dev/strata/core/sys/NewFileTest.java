package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewFileTest {
    @TempDir
    Path dir;

    @Test
    @Tag("root")
    void writesContentAndSetsEveryAttributeThroughTheDescriptor() throws Exception {
        Path path = dir.resolve("f");
        byte[] content = new byte[3 * 1024 * 1024 + 5];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i % 251);
        }

        try (NewFile file = NewFile.create(path)) {
            file.write(content, 0, content.length);
            file.chown(1000, 1001);
            file.chmod(04750);
            file.setXattr("user.k", "v".getBytes(StandardCharsets.UTF_8));
            file.setTimes(1_234_567_890L, 42);
        }

        FileStat stat = PosixFiles.lstat(path);
        assertThat(Files.readAllBytes(path)).isEqualTo(content);
        assertThat(stat.uid()).isEqualTo(1000);
        assertThat(stat.gid()).isEqualTo(1001);
        assertThat(stat.permissions()).isEqualTo(04750);
        assertThat(stat.mtimeSeconds()).isEqualTo(1_234_567_890L);
        assertThat(stat.mtimeNanos()).isEqualTo(42);
        assertThat(Xattrs.get(path, "user.k")).hasValueSatisfying(v -> assertThat(v).asString().isEqualTo("v"));
    }

    @Test
    void refusesAnExistingFileAndDoesNotFollowASymbolicLink() throws Exception {
        Path existing = Files.writeString(dir.resolve("existing"), "keep");
        Path link = dir.resolve("link");
        PosixFiles.symlink("missing-target".getBytes(StandardCharsets.UTF_8), link);

        assertThatThrownBy(() -> NewFile.create(existing))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EEXIST));
        assertThatThrownBy(() -> NewFile.create(link))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EEXIST));
        assertThat(existing).hasContent("keep");
        assertThat(dir.resolve("missing-target")).doesNotExist();
    }

    @Test
    void closeTwiceIsHarmless() throws Exception {
        NewFile file = NewFile.create(dir.resolve("f"));
        file.write("abc".getBytes(StandardCharsets.US_ASCII), 1, 2);
        file.close();
        file.close();

        assertThat(dir.resolve("f")).hasContent("bc");
    }
}
