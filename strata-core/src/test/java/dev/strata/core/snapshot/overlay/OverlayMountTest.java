package dev.strata.core.snapshot.overlay;

import static dev.strata.core.snapshot.overlay.OverlayTrees.file;
import static dev.strata.core.snapshot.overlay.OverlayTrees.isOpaque;
import static dev.strata.core.snapshot.overlay.OverlayTrees.isWhiteout;
import static dev.strata.core.snapshot.overlay.OverlayTrees.opaque;
import static dev.strata.core.snapshot.overlay.OverlayTrees.whiteout;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.archive.LayerWriter;
import dev.strata.core.sys.FileTrees;
import dev.strata.core.sys.MountPoints;
import dev.strata.core.sys.Mounts;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's overlayfs, mounted as containers will be, and the upper directory it leaves behind. */
@Tag("root")
class OverlayMountTest {
    @TempDir
    Path work;
    Path merged;

    @BeforeEach
    void target() throws Exception {
        merged = Files.createDirectory(work.resolve("merged"));
    }

    @AfterEach
    void unmount() {
        OverlayMount.unmountIfMounted(merged); // before @TempDir deletes through a mount left by a failure
    }

    @Test
    void oneLowerAloneIsAReadOnlyView() throws Exception {
        Path base = Files.createDirectory(work.resolve("base"));
        file(base, "etc/hostname", "base");

        OverlayMount.readOnly(List.of(base)).mount(merged);

        assertThat(merged.resolve("etc/hostname")).hasContent("base");
        assertThat(MountPoints.isMountPoint(merged)).isTrue();
        assertThatThrownBy(() -> Files.writeString(merged.resolve("new"), "x")).hasMessageContaining("Read-only");
    }

    @Test
    void twoLowersMergeWithTheTopOneWinning() throws Exception {
        Path base = Files.createDirectory(work.resolve("base"));
        Path top = Files.createDirectory(work.resolve("top"));
        file(base, "both", "base");
        file(base, "only-base", "b");
        file(base, "deleted", "d");
        file(top, "both", "top");
        whiteout(top, "deleted");

        OverlayMount.readOnly(List.of(top, base)).mount(merged);

        assertThat(names(merged)).containsExactly("both", "only-base");
        assertThat(merged.resolve("both")).hasContent("top");
        assertThatThrownBy(() -> Files.writeString(merged.resolve("new"), "x")).hasMessageContaining("Read-only");
    }

    @Test
    void manyLayersWithLongPathsMountPastTheOptionStringLimit() throws Exception {
        List<Path> lowers = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            Path layer = Files.createDirectories(work.resolve("layers").resolve(
                    String.format("%03d-", i) + "a-long-snapshot-directory-name-as-a-deep-store-would-have-it".repeat(2)));
            file(layer, "layer-" + i, Integer.toString(i));
            file(layer, "shared", Integer.toString(i));
            lowers.add(layer);
        }
        OverlayMount readOnly = OverlayMount.readOnly(lowers);
        assertThat(readOnly.optionString().length()).isGreaterThan(Mounts.MAX_OPTIONS_BYTES);

        readOnly.mount(merged);
        try {
            assertThat(merged.resolve("shared")).hasContent("0");
            assertThat(merged.resolve("layer-129")).hasContent("129");
            assertThat(names(merged)).hasSize(131);
        } finally {
            readOnly.unmount(merged);
        }

        Path upper = Files.createDirectory(work.resolve("upper"));
        OverlayMount writable = new OverlayMount(lowers, upper, Files.createDirectory(work.resolve("work")));
        writable.mount(merged);
        Files.writeString(merged.resolve("shared"), "written");
        writable.unmount(merged);
        assertThat(upper.resolve("shared")).hasContent("written");
    }

    @Test
    void theUpperDirectoryIsAPlainTreeThatLayerWriterTurnsIntoWhiteouts() throws Exception {
        Path base = Files.createDirectory(work.resolve("base"));
        file(base, "deleted", "old");
        file(base, "kept", "kept");
        file(base, "replaced/old", "o");
        file(base, "opaque/old-1", "1");
        file(base, "opaque/old-2", "2");
        file(base, "dir/sub/file", "f");
        file(base, "renamed-from", "r");
        file(base, "unchanged/file", "u");
        Path upper = Files.createDirectory(work.resolve("upper"));
        OverlayMount mount = new OverlayMount(List.of(base), upper, Files.createDirectory(work.resolve("work")));

        mount.mount(merged);
        try {
            Files.writeString(merged.resolve("new"), "n");
            Files.writeString(merged.resolve("kept"), "kept, changed");
            Files.writeString(merged.resolve("dir/sub/file"), "f2");
            Files.delete(merged.resolve("deleted"));
            Files.move(merged.resolve("renamed-from"), merged.resolve("renamed-to"));
            FileTrees.delete(merged.resolve("replaced"));
            Files.writeString(merged.resolve("replaced"), "now a file");
            FileTrees.delete(merged.resolve("opaque"));
            Files.createDirectory(merged.resolve("opaque"));
            Files.writeString(merged.resolve("opaque/new"), "n");
            // redirect_dir=off: a lower directory cannot be renamed in place (tools copy it instead)
            assertThatThrownBy(() -> Files.move(merged.resolve("unchanged"), merged.resolve("elsewhere"),
                    StandardCopyOption.ATOMIC_MOVE)).isInstanceOf(AtomicMoveNotSupportedException.class);
        } finally {
            mount.unmount(merged);
        }
        assertThat(MountPoints.isMountPoint(merged)).isFalse();

        assertThat(isWhiteout(upper.resolve("deleted"))).isTrue();
        assertThat(isWhiteout(upper.resolve("renamed-from"))).isTrue();
        assertThat(upper.resolve("renamed-to")).hasContent("r"); // a full copy: metacopy=off
        assertThat(upper.resolve("replaced")).isRegularFile();
        assertThat(isOpaque(upper.resolve("opaque"))).isTrue();
        assertThat(names(upper.resolve("opaque"))).containsExactly("new");
        assertThat(upper.resolve("unchanged")).doesNotExist();
        try (Stream<Path> all = Files.walk(upper)) {
            for (Path path : all.toList()) {
                assertThat(Xattrs.list(path)).as("overlay bookkeeping on %s", path)
                        .noneMatch(name -> name.endsWith("overlay.redirect") || name.endsWith("overlay.metacopy"));
            }
        }

        ByteArrayOutputStream layer = new ByteArrayOutputStream();
        new LayerWriter().write(upper, layer);
        assertThat(tarNames(layer.toByteArray())).containsExactly(
                ".wh.deleted", ".wh.renamed-from", "dir/", "dir/sub/", "dir/sub/file", "kept", "new",
                "opaque/", "opaque/.wh..wh..opq", "opaque/new", "renamed-to", "replaced");
    }

    @Test
    void olderKernelsGetOneOptionStringWhileItFits() throws Exception {
        Path base = Files.createDirectory(work.resolve("base"));
        Path top = Files.createDirectory(work.resolve("top"));
        file(base, "both", "base");
        file(top, "both", "top");
        Path upper = Files.createDirectory(work.resolve("upper"));
        OverlayMount mount = new OverlayMount(List.of(top, base), upper, Files.createDirectory(work.resolve("work")));

        mount.mountWithOptionString(merged);
        assertThat(merged.resolve("both")).hasContent("top");
        Files.writeString(merged.resolve("new"), "n");
        mount.unmount(merged);
        assertThat(upper.resolve("new")).hasContent("n");

        List<Path> many = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            many.add(work.resolve("layer-" + i + "-" + "x".repeat(40)));
        }
        assertThatThrownBy(() -> OverlayMount.readOnly(many).mountWithOptionString(merged))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.UNSUPPORTED))
                .hasMessageContaining("Linux 6.8");
        assertThat(MountPoints.isMountPoint(merged)).isFalse();
    }

    @Test
    void aLowerThatDoesNotExistIsRefusedWithTheKernelsReason() throws Exception {
        Path base = Files.createDirectory(work.resolve("base"));
        OverlayMount mount = OverlayMount.readOnly(List.of(base, work.resolve("missing")));

        assertThatThrownBy(() -> mount.mount(merged))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.SYSTEM))
                .hasMessageContaining("cannot mount overlay on " + merged)
                .hasMessageContaining("missing");
        assertThat(MountPoints.isMountPoint(merged)).isFalse();
    }

    @Test
    void unmountingWhatIsNotMountedDoesNothing() {
        OverlayMount.unmountIfMounted(merged);
        OverlayMount.unmountIfMounted(work.resolve("missing"));
        assertThat(merged).isEmptyDirectory();
    }

    @Test
    void optionStringsEscapeWhatOverlayfsSplitsOn() {
        OverlayMount mount = new OverlayMount(List.of(Path.of("/a:b"), Path.of("/c,d")), Path.of("/u\\p"), Path.of("/w"));
        assertThat(mount.optionString()).isEqualTo(
                "lowerdir=/a\\:b:/c\\,d,upperdir=/u\\\\p,workdir=/w,redirect_dir=off,metacopy=off,index=off");
    }

    @Test
    void aMountNeedsLowersAndBothOrNeitherOfUpperAndWork() {
        assertThatThrownBy(() -> OverlayMount.readOnly(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OverlayMount(List.of(Path.of("/l")), Path.of("/u"), null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static List<String> names(Path dir) throws Exception {
        try (Stream<Path> names = Files.list(dir)) {
            return names.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<String> tarNames(byte[] tar) throws Exception {
        List<String> names = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                names.add(entry.getName());
            }
        }
        return names;
    }
}
