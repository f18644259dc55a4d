package dev.strata.core.runtime.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.snapshot.overlay.Change;
import dev.strata.core.snapshot.overlay.Changes;
import dev.strata.core.snapshot.overlay.OverlayMount;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copies on a real container root: an overlay of an image layer and the container's upper directory. */
@Tag("root")
class MountedContainerTest {
    @TempDir
    Path dir;
    Path merged;

    @AfterEach
    void unmount() {
        if (merged != null) {
            OverlayMount.unmountIfMounted(merged);
        }
    }

    @Test
    void aCopyInLandsInTheUpperDirectoryAndShowsInTheDiffAndTheExport() throws Exception {
        Path image = new RootFixture(dir).root;
        Path upper = Files.createDirectory(dir.resolve("upper"));
        merged = Files.createDirectory(dir.resolve("merged"));
        OverlayMount mount = new OverlayMount(List.of(image), upper, Files.createDirectory(dir.resolve("work")));
        mount.mount(merged);
        ContainerArchive archive = new ContainerArchive();

        archive.copyIn(merged, "/etc", new Tars().file("motd", "hello").stream(), ExtractOptions.dockerCp());
        ByteArrayOutputStream export = new ByteArrayOutputStream();
        archive.exportTar(merged, export, Set.of());
        mount.unmount(merged);

        assertThat(upper.resolve("etc/motd")).hasContent("hello");
        assertThat(image.resolve("etc/motd")).doesNotExist();
        assertThat(Changes.of(mount)).extracting(Change::toString).containsExactly("C /etc", "A /etc/motd");
        assertThat(Tars.byName(export.toByteArray()).get("etc/motd").content()).isEqualTo("hello");
    }
}
