package dev.strata.core.snapshot.overlay;

import static dev.strata.core.snapshot.overlay.OverlayTrees.dir;
import static dev.strata.core.snapshot.overlay.OverlayTrees.file;
import static dev.strata.core.snapshot.overlay.OverlayTrees.opaque;
import static dev.strata.core.snapshot.overlay.OverlayTrees.whiteout;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.sys.FileTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker diff} from the upper directory: made through a real mount, or written by hand as a stopped container's. */
@Tag("root") // whiteouts are device nodes, opaque marks trusted.* attributes
class ChangesTest {
    @TempDir
    Path work;
    Path base;
    Path upper;
    Path merged;

    @BeforeEach
    void dirs() throws Exception {
        base = Files.createDirectory(work.resolve("base"));
        upper = Files.createDirectory(work.resolve("upper"));
        merged = Files.createDirectory(work.resolve("merged"));
    }

    @AfterEach
    void unmount() {
        OverlayMount.unmountIfMounted(merged);
    }

    @Test
    void whatAContainerDidIsListedAsDockerDiffPrintsIt() throws Exception {
        file(base, "deleted", "old");
        file(base, "kept", "kept");
        file(base, "replaced/old", "o");
        file(base, "opaque/old-1", "1");
        file(base, "opaque/old-2", "2");
        file(base, "dir/sub/file", "f");
        file(base, "renamed-from", "r");
        file(base, "untouched/file", "u");
        OverlayMount mount = new OverlayMount(List.of(base), upper, Files.createDirectory(work.resolve("work")));
        mount.mount(merged);
        try {
            Files.writeString(merged.resolve("new"), "n");
            Files.createDirectories(merged.resolve("newdir/inner"));
            Files.writeString(merged.resolve("newdir/inner/f"), "f");
            Files.writeString(merged.resolve("kept"), "kept, changed");
            Files.writeString(merged.resolve("dir/sub/file"), "f2");
            Files.delete(merged.resolve("deleted"));
            Files.move(merged.resolve("renamed-from"), merged.resolve("renamed-to"));
            FileTrees.delete(merged.resolve("replaced"));
            Files.writeString(merged.resolve("replaced"), "now a file");
            FileTrees.delete(merged.resolve("opaque"));
            Files.createDirectory(merged.resolve("opaque"));
            Files.writeString(merged.resolve("opaque/new"), "n");
        } finally {
            mount.unmount(merged);
        }

        assertThat(lines(Changes.of(mount))).containsExactly(
                "D /deleted",
                "C /dir",
                "C /dir/sub",
                "C /dir/sub/file",
                "C /kept",
                "A /new",
                "A /newdir",
                "A /newdir/inner",
                "A /newdir/inner/f",
                "C /opaque",
                "A /opaque/new",
                "D /opaque/old-1",
                "D /opaque/old-2",
                "D /renamed-from",
                "A /renamed-to",
                "C /replaced");
    }

    @Test
    void belowAnOpaqueDirectoryEveryImageEntryNotInTheUpperOneIsDeleted() throws Exception {
        file(base, "d/f", "f");
        file(base, "d/other/z", "z");
        file(base, "d/sub/x", "x");
        opaque(upper, "d");
        file(upper, "d/sub/y", "y"); // d/sub is a plain directory: the opaque d above it hides the image's d/sub/x

        assertThat(lines(Changes.between(upper, List.of(base)))).containsExactly(
                "C /d",
                "D /d/f",
                "D /d/other",
                "C /d/sub",
                "D /d/sub/x",
                "A /d/sub/y");
    }

    @Test
    void theImageIsWhatItsLayersShowNotWhatTheyHold() throws Exception {
        Path top = Files.createDirectory(work.resolve("top"));
        file(base, "gone", "deleted by the top layer");
        file(base, "o/hidden", "hidden by the top layer's opaque o");
        whiteout(top, "gone");
        opaque(top, "o");
        file(top, "o/shown", "s");
        file(upper, "gone", "back");    // the image has no /gone: added
        file(upper, "o/hidden", "new"); // nor /o/hidden
        file(upper, "o/shown", "changed");

        assertThat(lines(Changes.between(upper, List.of(top, base)))).containsExactly(
                "A /gone",
                "C /o",
                "A /o/hidden",
                "C /o/shown");
    }

    @Test
    void aWhiteoutIsOneDeletionAndAWhiteoutOverNothingIsNone() throws Exception {
        file(base, "dir/a", "a");
        file(base, "dir/b", "b");
        whiteout(upper, "dir");
        whiteout(upper, "never-was");

        assertThat(lines(Changes.between(upper, List.of(base)))).containsExactly("D /dir");
    }

    @Test
    void aDirectoryComesBeforeItsContentsAndNamesSortBytewise() throws Exception {
        dir(base, "a");
        file(upper, "a/b", "b");
        file(upper, "a-c", "c");
        file(upper, "B", "upper case sorts first");

        assertThat(lines(Changes.between(upper, List.of(base)))).containsExactly(
                "A /B",
                "C /a",
                "A /a/b",
                "A /a-c");
    }

    @Test
    void anEmptyUpperDirectoryHasNoChanges() {
        assertThat(Changes.between(upper, List.of(base))).isEmpty();
    }

    private static List<String> lines(List<Change> changes) {
        return changes.stream().map(Change::toString).toList();
    }
}
