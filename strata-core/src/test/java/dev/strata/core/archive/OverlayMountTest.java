package dev.strata.core.archive;

import dev.strata.core.sys.FileTrees;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.sys.Mounts;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's overlayfs, not our own reading, decides whether the overlay form is right. */
@Tag("root")
class OverlayMountTest {
    @TempDir
    Path work;

    private Path layer(String name, byte[] tar) throws Exception {
        Path dir = Files.createDirectory(work.resolve(name));
        new LayerApplier().apply(new ByteArrayInputStream(tar), dir);
        return dir;
    }

    private static String[] list(Path dir) throws Exception {
        try (Stream<Path> names = Files.list(dir)) {
            return names.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void whiteoutsAndOpaqueDirectoriesHideTheLowerLayer() throws Exception {
        Path base = layer("base", new TarFixture()
                .file("deleted", "old")
                .file("kept", "kept")
                .dir("opaque")
                .file("opaque/old-1", "1")
                .file("opaque/old-2", "2")
                .dir("merged")
                .file("merged/lower", "l")
                .build());
        Path top = layer("top", new TarFixture()
                .file(".wh.deleted", "")
                .dir("opaque")
                .file("opaque/.wh..wh..opq", "")
                .file("opaque/new", "n")
                .file("merged/upper", "u")
                .build());
        Path merged = Files.createDirectory(work.resolve("merged"));

        Mounts.mount("overlay", merged, "overlay", Mounts.MS_RDONLY, "lowerdir=" + top + ":" + base);
        try {
            assertThat(list(merged)).containsExactly("kept", "merged", "opaque");
            assertThat(list(merged.resolve("opaque"))).containsExactly("new");
            assertThat(list(merged.resolve("merged"))).containsExactly("lower", "upper");
            assertThat(merged.resolve("kept")).hasContent("kept");
        } finally {
            Mounts.unmount(merged, 0);
        }
    }

    @Test
    void deletionsInAnUpperDirectoryBecomeLayerWhiteouts() throws Exception {
        Path base = layer("base", new TarFixture()
                .file("deleted", "old")
                .dir("replaced")
                .file("replaced/old", "o")
                .file("kept", "k")
                .build());
        Path upper = Files.createDirectory(work.resolve("upper"));
        Path workdir = Files.createDirectory(work.resolve("work"));
        Path merged = Files.createDirectory(work.resolve("merged"));

        Mounts.mount("overlay", merged, "overlay", 0,
                "lowerdir=" + base + ",upperdir=" + upper + ",workdir=" + workdir + ",redirect_dir=off,metacopy=off");
        try {
            Files.delete(merged.resolve("deleted"));
            FileTrees.delete(merged.resolve("replaced"));
            Files.createDirectory(merged.resolve("replaced"));
            Files.writeString(merged.resolve("replaced/new"), "n");
        } finally {
            Mounts.unmount(merged, 0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LayerWriter().write(upper, out);

        assertThat(TarListing.names(out.toByteArray()))
                .containsExactly(".wh.deleted", "replaced/", "replaced/.wh..wh..opq", "replaced/new");
    }
}
