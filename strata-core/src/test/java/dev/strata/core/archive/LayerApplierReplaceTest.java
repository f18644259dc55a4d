package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same path twice in one layer, and whiteouts: what ends up on disk. */
@Tag("root")
class LayerApplierReplaceTest {
    @TempDir
    Path target;

    @TempDir
    Path outside;

    private void apply(byte[] tar) throws Exception {
        new LayerApplier().apply(new ByteArrayInputStream(tar), target);
    }

    private FileStat stat(String name) throws Exception {
        return PosixFiles.lstat(target.resolve(name));
    }

    @Test
    void laterFileReplacesEarlierFileWithoutTouchingItsHardLinks() throws Exception {
        apply(new TarFixture()
                .file("a", "first")
                .hardlink("b", "a")
                .file("a", "second")
                .build());

        assertThat(target.resolve("a")).hasContent("second");
        assertThat(target.resolve("b")).hasContent("first");
    }

    @Test
    void directoryOverDirectoryMergesAndTakesTheLaterAttributes() throws Exception {
        apply(new TarFixture()
                .dir("d", 0755, e -> {})
                .file("d/one", "1")
                .dir("d", 0700, e -> {})
                .file("d/two", "2")
                .build());

        assertThat(target.resolve("d/one")).hasContent("1");
        assertThat(target.resolve("d/two")).hasContent("2");
        assertThat(stat("d").permissions()).isEqualTo(0700);
    }

    @Test
    void fileReplacesAWholeDirectoryTreeAndDirectoryReplacesAFile() throws Exception {
        apply(new TarFixture()
                .dir("d")
                .dir("d/sub")
                .file("d/sub/deep", "x")
                .file("d", "now a file")
                .file("f", "file")
                .dir("f")
                .file("f/inside", "y")
                .build());

        assertThat(target.resolve("d")).hasContent("now a file");
        assertThat(stat("f").isDirectory()).isTrue();
        assertThat(target.resolve("f/inside")).hasContent("y");
    }

    @Test
    void symbolicLinkReplacingADirectoryIsNotFollowedByLaterEntries() throws Exception {
        byte[] tar = new TarFixture()
                .dir("d")
                .symlink("d", outside.toString())
                .file("d/escaped", "x")
                .build();

        assertThatThrownBy(() -> apply(tar)).isInstanceOf(UnsafeArchiveException.class)
                .hasMessageContaining("d/escaped").hasMessageContaining("symbolic link");
        assertThat(outside).isEmptyDirectory();
    }

    @Test
    void whiteoutBecomesACharacterDeviceZeroZero() throws Exception {
        apply(new TarFixture()
                .dir("etc")
                .file("etc/.wh.passwd", "")
                .file(".wh.gone-directory", "")
                .build());

        FileStat whiteout = stat("etc/passwd");
        assertThat(whiteout.isCharacterDevice()).isTrue();
        assertThat(whiteout.rdevMajor()).isZero();
        assertThat(whiteout.rdevMinor()).isZero();
        assertThat(stat("gone-directory").isCharacterDevice()).isTrue();
        try (var names = Files.list(target.resolve("etc"))) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("passwd");
        }
        assertThat(target.resolve(".wh.gone-directory")).doesNotExist();
    }

    @Test
    void whiteoutInAMissingDirectoryCreatesTheDirectory() throws Exception {
        apply(new TarFixture().file("usr/share/doc/.wh.readme", "").build());

        assertThat(stat("usr/share/doc").isDirectory()).isTrue();
        assertThat(stat("usr/share/doc/readme").isCharacterDevice()).isTrue();
    }

    @Test
    void opaqueMarkerSetsTheOverlayXattrEvenBeforeItsDirectory() throws Exception {
        apply(new TarFixture()
                .file("a/.wh..wh..opq", "")
                .dir("a")
                .file("a/kept", "k")
                .dir("b")
                .file("b/.wh..wh..opq", "")
                .build());

        assertThat(Xattrs.get(target.resolve("a"), Whiteouts.TRUSTED_OPAQUE_XATTR)).hasValueSatisfying(v -> assertThat(v).containsExactly('y'));
        assertThat(Xattrs.get(target.resolve("b"), Whiteouts.TRUSTED_OPAQUE_XATTR)).hasValueSatisfying(v -> assertThat(v).containsExactly('y'));
        assertThat(target.resolve("a/kept")).hasContent("k");
        assertThat(target.resolve("a/.wh..wh..opq")).doesNotExist();
    }

    @Test
    void whiteoutDoesNotDeleteWhatTheSameLayerMade() throws Exception {
        apply(new TarFixture()
                .file("f", "mine")
                .file(".wh.f", "")
                .dir("d")
                .file(".wh.d", "")
                .build());

        assertThat(target.resolve("f")).hasContent("mine");
        assertThat(stat("d").isDirectory()).isTrue();
    }

    @Test
    void realEntryReplacesAnEarlierWhiteoutOfTheSameName() throws Exception {
        apply(new TarFixture().file(".wh.f", "").file("f", "back").build());

        assertThat(target.resolve("f")).hasContent("back");
    }

    @Test
    void ignoresAufsMetadataButRefusesAWhiteoutWithoutAName() throws Exception {
        apply(new TarFixture().dir(".wh..wh.plnk").file(".wh..wh.plnk/1234.5", "x").file("kept", "k").build());

        try (var names = Files.list(target)) {
            assertThat(names.map(p -> p.getFileName().toString())).containsExactly("kept");
        }
        byte[] nameless = new TarFixture().file("dir/.wh.", "").build();
        assertThatThrownBy(() -> new LayerApplier().apply(new ByteArrayInputStream(nameless), Files.createTempDirectory(target, "x")))
                .isInstanceOf(dev.strata.core.StrataException.class)
                .hasMessageContaining("names nothing to delete");
    }
}
