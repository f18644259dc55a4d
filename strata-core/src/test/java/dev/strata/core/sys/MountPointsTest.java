package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountPointsTest {
    @TempDir
    Path dir;

    @Test
    void aPlainDirectoryIsNoMountPointButTheRootIs() throws Exception {
        assertThat(MountPoints.isMountPoint(dir)).isFalse();
        assertThat(MountPoints.isMountPoint(Path.of("/"))).isTrue();
        assertThat(MountPoints.isMountPoint(Path.of("/proc"))).isTrue();
    }

    @Test
    @Tag("root")
    void aBindMountOfTheSameFileSystemIsSeen() throws Exception {
        Path source = Files.createDirectory(dir.resolve("source"));
        Path target = Files.createDirectory(dir.resolve("target"));
        Mounts.mount(source.toString(), target, null, Mounts.MS_BIND, null);
        try {
            assertThat(MountPoints.isMountPoint(target)).isTrue();
            assertThat(MountPoints.isMountPoint(source)).isFalse();
        } finally {
            Mounts.unmount(target, 0);
        }
    }

    @Test
    void aSymbolicLinkToAMountPointIsNotOne() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("/proc"));
        assertThat(MountPoints.isMountPoint(link)).isFalse();
    }

    @Test
    void nothingThereIsEnoent() {
        assertThatThrownBy(() -> MountPoints.isMountPoint(dir.resolve("missing")))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOENT));
    }
}
