package dev.strata.core.runtime.rootfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker cp - CTR:DIR}: a tar extracted into a directory of the container. */
@Tag("root") // owners are set
class CopyInTest {
    @TempDir
    Path dir;
    RootFixture fixture;
    Path root;
    final ContainerArchive archive = new ContainerArchive();

    @BeforeEach
    void fixture() throws Exception {
        fixture = new RootFixture(dir);
        root = fixture.root;
    }

    private void copyIn(String path, Tars tar, ExtractOptions options) throws IOException {
        archive.copyIn(root, path, tar.stream(), options);
    }

    @Test
    void entriesLandBelowTheDirectoryOwnedByRootByDefault() throws Exception {
        copyIn("/tmp", new Tars().dir("app").file("app/run.sh", "echo hi", 04755, 1000).file("loose", "l"),
                ExtractOptions.dockerCp());

        Path run = root.resolve("tmp/app/run.sh");
        assertThat(run).hasContent("echo hi");
        assertThat(Files.getAttribute(run, "unix:uid")).isEqualTo(0);
        assertThat(Files.getAttribute(run, "unix:mode")).isEqualTo(0104755);
        assertThat(Files.getLastModifiedTime(run).toInstant()).isEqualTo(Tars.MTIME);
        assertThat(Files.getLastModifiedTime(root.resolve("tmp/app")).toInstant()).isEqualTo(Tars.MTIME);
        assertThat(root.resolve("tmp/loose")).hasContent("l");
    }

    @Test
    void ownersFromTheArchiveWhenAsked() throws Exception {
        copyIn("/tmp", new Tars().file("owned", "x", 0640, 1000),
                ExtractOptions.dockerCp().withOwnership(Ownership.fromArchive()));

        assertThat(Files.getAttribute(root.resolve("tmp/owned"), "unix:uid")).isEqualTo(1000);
        assertThat(Files.getAttribute(root.resolve("tmp/owned"), "unix:gid")).isEqualTo(1000);
    }

    @Test
    void missingParentsAreMadeAndLinksWork() throws Exception {
        copyIn("/", new Tars().file("opt/deep/file", "f").symlink("opt/link", "deep/file").hardlink("opt/hard", "opt/deep/file"),
                ExtractOptions.dockerCp());

        assertThat(root.resolve("opt/deep")).isDirectory();
        assertThat(Files.getAttribute(root.resolve("opt/deep"), "unix:mode")).isEqualTo(040755);
        assertThat(Files.readSymbolicLink(root.resolve("opt/link"))).isEqualTo(Path.of("deep/file"));
        assertThat(Files.isSameFile(root.resolve("opt/hard"), root.resolve("opt/deep/file"))).isTrue();
    }

    @Test
    void aCompressedArchiveIsAccepted() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(new Tars().file("zipped", "z").build());
        }
        archive.copyIn(root, "/tmp", new ByteArrayInputStream(gz.toByteArray()), ExtractOptions.dockerCp());
        assertThat(root.resolve("tmp/zipped")).hasContent("z");
    }

    @Test
    void anExistingFileIsReplacedAndAnExistingDirectoryKept() throws Exception {
        copyIn("/", new Tars().dir("etc", 0700, 0).file("etc/hostname", "new\n"), ExtractOptions.dockerCp());

        assertThat(root.resolve("etc/hostname")).hasContent("new\n");
        assertThat(root.resolve("etc/passwd")).exists();
        assertThat(Files.getAttribute(root.resolve("etc"), "unix:mode")).isEqualTo(040700);
    }

    @Test
    void aDirectoryAndAFileDoNotReplaceEachOther() throws Exception {
        assertThatThrownBy(() -> copyIn("/", new Tars().file("etc", "not a dir"), ExtractOptions.dockerCp()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CONFLICT))
                .hasMessageContaining("/etc is a directory");
        assertThatThrownBy(() -> copyIn("/etc", new Tars().dir("passwd"), ExtractOptions.dockerCp()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CONFLICT));
        assertThat(root.resolve("etc/passwd")).isRegularFile();
    }

    @Test
    void withoutTheRefusalADirectoryGivesWayToAFile() throws Exception {
        copyIn("/", new Tars().file("usr", "flat"), new ExtractOptions(Ownership.root(), false));

        assertThat(root.resolve("usr")).isRegularFile().hasContent("flat");
    }

    @Test
    void theDestinationMustBeAnExistingDirectory() {
        assertThatThrownBy(() -> copyIn("/nope", new Tars().file("x", "x"), ExtractOptions.dockerCp()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.NOT_FOUND));
        assertThatThrownBy(() -> copyIn("/etc/passwd", new Tars().file("x", "x"), ExtractOptions.dockerCp()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.INVALID_ARGUMENT))
                .hasMessageContaining("must be a directory");
    }

    @Test
    void aLinkToADirectoryIsADirectory() throws Exception {
        copyIn("/tools", new Tars().file("added", "a"), ExtractOptions.dockerCp());
        assertThat(root.resolve("usr/bin/added")).hasContent("a");
        assertThat(Files.isSymbolicLink(root.resolve("tools"))).isTrue();
    }

    @Test
    void somethingThatIsNoTarIsCorrupt() {
        InputStream garbage = new ByteArrayInputStream("this is not a tar archive at all".repeat(40).getBytes());
        assertThatThrownBy(() -> archive.copyIn(root, "/tmp", garbage, ExtractOptions.dockerCp()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CORRUPT));
    }

    @Test
    void aTruncatedArchiveIsCorrupt() {
        byte[] whole = new Tars().file("big", "x".repeat(5000)).build();
        byte[] truncated = java.util.Arrays.copyOf(whole, 512 + 2048);
        assertThatThrownBy(() -> archive.copyIn(root, "/tmp", new ByteArrayInputStream(truncated), ExtractOptions.dockerCp()))
                .isInstanceOfSatisfying(StrataException.class, e -> assertThat(e.kind()).isEqualTo(StrataException.Kind.CORRUPT));
    }

    @Test
    void aFailingInputStreamIsTheCallersOwnException() {
        IOException broken = new IOException("connection reset");
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw broken;
            }
        };
        assertThatThrownBy(() -> archive.copyIn(root, "/tmp", failing, ExtractOptions.dockerCp())).isSameAs(broken);
    }

    @Test
    void aGlobalPaxHeaderIsNoFile() throws Exception {
        byte[] tar = new Tars().globalHeader("comment", "0123abcd").file("tracked", "t").build();
        assertThat(tar[156]).as("the first header's type").isEqualTo((byte) 'g');

        archive.copyIn(root, "/tmp", new ByteArrayInputStream(tar), ExtractOptions.dockerCp());

        assertThat(root.resolve("tmp/tracked")).hasContent("t");
        assertThat(root.resolve("tmp/pax_global_header")).doesNotExist();
    }

    @Test
    void aBinaryFileCapabilityFromGnuTarArrivesByteForByte() throws Exception {
        // CAP_SETUID permitted and effective, as newuidmap carries it; the 0x80 byte is not valid UTF-8.
        byte[] capSetuid = HexFormat.of().parseHex("0100000280000000000000000000000000000000");
        Path source = Files.createDirectory(dir.resolve("source"));
        Xattrs.set(Files.writeString(source.resolve("newuidmap"), "tool"), "security.capability", capSetuid);
        Path tar = dir.resolve("caps.tar");
        Process process = new ProcessBuilder("tar", "--xattrs", "--xattrs-include=security.capability",
                "-C", source.toString(), "-cf", tar.toString(), "newuidmap").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        try (InputStream in = Files.newInputStream(tar)) {
            archive.copyIn(root, "/usr/bin", in, ExtractOptions.dockerCp());
        }

        assertThat(Xattrs.get(root.resolve("usr/bin/newuidmap"), "security.capability"))
                .hasValueSatisfying(value -> assertThat(value).isEqualTo(capSetuid));
    }

    @Test
    void whiteoutNamesAreOrdinaryFilesHere() throws Exception {
        copyIn("/etc", new Tars().file(".wh.passwd", ""), ExtractOptions.dockerCp());
        assertThat(root.resolve("etc/passwd")).exists();
        assertThat(Files.exists(root.resolve("etc/.wh.passwd"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    }
}
