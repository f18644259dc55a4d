package dev.strata.core.volume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootPathsTest {
    @TempDir
    Path rootfs;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(rootfs.resolve("usr/lib"));
        Files.createSymbolicLink(rootfs.resolve("lib"), Path.of("usr/lib"));
        Files.createSymbolicLink(rootfs.resolve("abs"), Path.of("/usr"));
        Files.createSymbolicLink(rootfs.resolve("up"), Path.of("../../../../.."));
        Files.createSymbolicLink(rootfs.resolve("loop"), Path.of("loop"));
        Files.writeString(rootfs.resolve("file"), "x");
    }

    @Test
    void linksAreFollowedInsideTheRoot() {
        assertThat(RootPaths.resolve(rootfs, "/lib/x")).isEqualTo(rootfs.resolve("usr/lib/x"));
        assertThat(RootPaths.resolve(rootfs, "abs/lib")).isEqualTo(rootfs.resolve("usr/lib"));
        assertThat(RootPaths.resolve(rootfs, "/")).isEqualTo(rootfs);
    }

    @Test
    void dotDotAndLinksUpwardsStopAtTheRoot() {
        assertThat(RootPaths.resolve(rootfs, "/../../etc")).isEqualTo(rootfs.resolve("etc"));
        assertThat(RootPaths.resolve(rootfs, "/up/etc/passwd")).isEqualTo(rootfs.resolve("etc/passwd"));
    }

    @Test
    void missingComponentsAndComponentsBelowFilesAreKept() {
        assertThat(RootPaths.resolve(rootfs, "/no/such/dir")).isEqualTo(rootfs.resolve("no/such/dir"));
        assertThat(RootPaths.resolve(rootfs, "/file/below")).isEqualTo(rootfs.resolve("file/below"));
    }

    @Test
    void linkLoopsAreRefused() {
        assertThatThrownBy(() -> RootPaths.resolve(rootfs, "/loop/x")).hasMessageContaining("too many levels of symbolic links");
    }
}
