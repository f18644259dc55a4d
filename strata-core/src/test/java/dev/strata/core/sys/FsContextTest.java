package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class FsContextTest {
    @TempDir
    Path dir;

    @Test
    void mountsATmpfsReadOnlyThroughTheNewApi() throws Exception {
        Path target = Files.createDirectory(dir.resolve("mnt"));

        try (FsContext fs = FsContext.open("tmpfs")) {
            fs.setString("size", "1m");
            fs.mount(target, FsContext.MOUNT_ATTR_RDONLY);
        }
        try {
            assertThat(MountPoints.isMountPoint(target)).isTrue();
            assertThatThrownBy(() -> Files.writeString(target.resolve("x"), "x"))
                    .hasMessageContaining("Read-only file system");
        } finally {
            Mounts.unmount(target, 0);
        }
        assertThat(MountPoints.isMountPoint(target)).isFalse();
    }

    @Test
    void anUnknownOptionIsEinvalAndTheKernelSaysWhy() throws Exception {
        try (FsContext fs = FsContext.open("tmpfs")) {
            assertThatThrownBy(() -> fs.setString("no-such-option", "1"))
                    .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EINVAL));
            assertThat(fs.messages()).contains("no-such-option");
            assertThat(fs.messages()).isEmpty(); // read once, then drained
        }
    }

    @Test
    void anUnknownFileSystemTypeIsRefused() {
        assertThatThrownBy(() -> FsContext.open("no-such-fs"))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENODEV));
    }
}
