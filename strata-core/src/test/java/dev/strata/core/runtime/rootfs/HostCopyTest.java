package dev.strata.core.runtime.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker cp HOSTPATH CTR:PATH}: the table of the docker cp reference, row by row. */
@Tag("root")
class HostCopyTest {
    @TempDir
    Path dir;
    Path root;
    Path src;
    final ContainerArchive archive = new ContainerArchive();

    @BeforeEach
    void trees() throws Exception {
        root = new RootFixture(dir).root;
        Files.createDirectories(root.resolve("dst"));
        Files.writeString(root.resolve("dst/existing.txt"), "old");
        src = Files.createDirectory(dir.resolve("src"));
        Files.writeString(src.resolve("file.txt"), "file");
        Files.createDirectories(src.resolve("dir/sub"));
        Files.writeString(src.resolve("dir/a"), "a");
        Files.writeString(src.resolve("dir/sub/b"), "b");
        Files.createSymbolicLink(src.resolve("link"), Path.of("file.txt"));
    }

    private void copy(String source, String destination) {
        archive.copyIn(root, destination, source, false, ExtractOptions.dockerCp());
    }

    private String host(String name) {
        return src.resolve(name).toString();
    }

    @Test
    void fileIntoAnExistingDirectoryKeepsItsName() {
        copy(host("file.txt"), "/dst");
        assertThat(root.resolve("dst/file.txt")).hasContent("file");
    }

    @Test
    void fileToAMissingPathIsCreatedUnderThatName() {
        copy(host("file.txt"), "/dst/renamed.txt");
        assertThat(root.resolve("dst/renamed.txt")).hasContent("file");
    }

    @Test
    void fileToAMissingPathEndingInSlashIsRefused() {
        assertThatThrownBy(() -> copy(host("file.txt"), "/dst/missing/"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND))
                .hasMessageContaining("the destination directory must exist");
        assertThat(root.resolve("dst/missing")).doesNotExist();
    }

    @Test
    void fileOverAnExistingFileReplacesIt() {
        copy(host("file.txt"), "/dst/existing.txt");
        assertThat(root.resolve("dst/existing.txt")).hasContent("file");
    }

    @Test
    void theParentOfAMissingDestinationMustExist() {
        assertThatThrownBy(() -> copy(host("file.txt"), "/nope/x"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
        assertThat(root.resolve("nope")).doesNotExist();
    }

    @Test
    void directoryIntoAnExistingDirectoryKeepsItsName() {
        copy(host("dir"), "/dst");
        assertThat(root.resolve("dst/dir/a")).hasContent("a");
        assertThat(root.resolve("dst/dir/sub/b")).hasContent("b");
    }

    @Test
    void directoryDotCopiesOnlyTheContents() {
        copy(host("dir") + "/.", "/dst");
        assertThat(root.resolve("dst/a")).hasContent("a");
        assertThat(root.resolve("dst/sub/b")).hasContent("b");
        assertThat(root.resolve("dst/dir")).doesNotExist();
    }

    @Test
    void directoryToAMissingPathBecomesThatDirectory() {
        copy(host("dir"), "/dst/newdir");
        assertThat(root.resolve("dst/newdir/a")).hasContent("a");
        copy(host("dir") + "/.", "/dst/newer");
        assertThat(root.resolve("dst/newer/sub/b")).hasContent("b");
    }

    @Test
    void directoryOntoAFileIsRefused() {
        assertThatThrownBy(() -> copy(host("dir"), "/dst/existing.txt"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CONFLICT));
        assertThat(root.resolve("dst/existing.txt")).hasContent("old");
    }

    @Test
    void aFileSourceSpelledAsADirectoryIsRefused() {
        assertThatThrownBy(() -> copy(host("file.txt") + "/", "/dst"))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT));
    }

    @Test
    void aDestinationLinkToADirectoryIsFollowedInsideTheContainer() {
        copy(host("file.txt"), "/tools");
        assertThat(root.resolve("usr/bin/file.txt")).hasContent("file");
    }

    @Test
    void aSourceLinkIsCopiedAsALinkUnlessFollowed() throws Exception {
        copy(host("link"), "/dst");
        assertThat(Files.readSymbolicLink(root.resolve("dst/link"))).isEqualTo(Path.of("file.txt"));

        archive.copyIn(root, "/tmp", host("link"), true, ExtractOptions.dockerCp());
        assertThat(root.resolve("tmp/link")).isRegularFile().hasContent("file");
    }

    @Test
    void copiesBelongToTheContainersRoot() throws Exception {
        copy(host("dir"), "/dst");
        assertThat(Files.getAttribute(root.resolve("dst/dir/sub/b"), "unix:uid")).isEqualTo(0);
    }
}
