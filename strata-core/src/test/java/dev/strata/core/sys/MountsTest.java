package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountsTest {
    @TempDir
    Path dir;

    @Test
    @Tag("root")
    void mountsAndUnmountsATmpfs() throws Exception {
        Path target = Files.createDirectory(dir.resolve("mnt"));

        Mounts.mount("strata-test", target, "tmpfs", Mounts.MS_NOSUID | Mounts.MS_NODEV, "size=1m,mode=0700");
        try {
            Files.writeString(target.resolve("inside"), "x");
            assertThat(Files.readString(Path.of("/proc/self/mounts"))).contains(target.toString());
        } finally {
            Mounts.unmount(target, 0);
        }

        assertThat(target.resolve("inside")).doesNotExist();
    }

    @Test
    void unmountingSomethingNotMountedFailsWithEinval() {
        assertThatThrownBy(() -> Mounts.unmount(dir, 0))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EINVAL));
    }
}
