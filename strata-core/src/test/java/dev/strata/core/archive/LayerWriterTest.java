package dev.strata.core.archive;

import dev.strata.core.sys.FileTrees;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayOutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class LayerWriterTest {
    @TempDir
    Path dir;

    private static final long MTIME = 1_600_000_000L;

    private byte[] write(Path tree) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new LayerWriter().write(tree, out);
        return out.toByteArray();
    }

    private Path file(String name, String content, int mode) throws Exception {
        Path path = dir.resolve(name);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
        PosixFiles.chmod(path, mode);
        PosixFiles.setTimes(path, MTIME, 123);
        return path;
    }

    @Test
    void namesAreRelativeSortedAndDirectoriesComeFirstWithASlash() throws Exception {
        file("b/z", "z", 0644);
        file("b/a", "a", 0644);
        file("a-b", "x", 0644);
        file("B", "upper", 0644);
        Files.createDirectories(dir.resolve("b/empty"));

        assertThat(TarListing.names(write(dir))).containsExactly("B", "a-b", "b/", "b/a", "b/empty/", "b/z");
    }

    @Test
    void writesTheSameBytesForTheSameTreeWhateverTheCreationOrder() throws Exception {
        Path one = Files.createDirectory(dir.resolve("one"));
        Path two = Files.createDirectory(dir.resolve("two"));
        List<String> names = List.of("c", "a", "b", "d/e", "d/f");
        for (Path root : List.of(one, two)) {
            List<String> order = root == one ? names : names.reversed();
            for (String name : order) {
                Path path = root.resolve(name);
                Files.createDirectories(path.getParent());
                Files.writeString(path, name);
                PosixFiles.setTimes(path, MTIME, 0);
            }
            PosixFiles.setTimes(root.resolve("d"), MTIME, 0);
        }

        byte[] first = write(one);
        assertThat(write(one)).isEqualTo(first);
        assertThat(write(two)).isEqualTo(first);
    }

    @Test
    void headersCarryNumericOwnersModesAndSecondsButNoNamesOrExtraTimes() throws Exception {
        Path su = file("su", "x", 04755);
        PosixFiles.lchown(su, 1000, 2000);
        PosixFiles.chmod(su, 04755);
        byte[] tar = write(dir);

        var entry = TarListing.item(tar, "su").entry();
        assertThat(entry.getMode() & 07777).isEqualTo(04755);
        assertThat(entry.getLongUserId()).isEqualTo(1000);
        assertThat(entry.getLongGroupId()).isEqualTo(2000);
        assertThat(entry.getUserName()).isEmpty();
        assertThat(entry.getGroupName()).isEmpty();
        assertThat(entry.getLastModifiedTime().toMillis()).isEqualTo(MTIME * 1000);
        assertThat(entry.getExtraPaxHeaders()).isEmpty();
        assertThat(tar.length).isEqualTo(512 + 512 + 1024); // header, one content block, trailer: no PAX header
    }

    @Test
    void writesHardLinksToTheFirstPathOfTheInode() throws Exception {
        Path original = file("x/original", "shared", 0644);
        Files.createLink(dir.resolve("a-link"), original);
        Files.createLink(dir.resolve("x/z-link"), original);

        byte[] tar = write(dir);

        var link = TarListing.item(tar, "x/original").entry();
        assertThat(link.isLink()).isTrue();
        assertThat(link.getLinkName()).isEqualTo("a-link");
        assertThat(TarListing.item(tar, "a-link").content()).asString().isEqualTo("shared");
        assertThat(TarListing.item(tar, "x/z-link").entry().getLinkName()).isEqualTo("a-link");
    }

    @Test
    void writesSymbolicLinksDevicesAndFifos() throws Exception {
        PosixFiles.symlink("../a//b".getBytes(StandardCharsets.UTF_8), dir.resolve("link"));
        PosixFiles.mknod(dir.resolve("null"), FileStat.S_IFCHR | 0666, PosixFiles.makedev(1, 3));
        PosixFiles.mknod(dir.resolve("disk"), FileStat.S_IFBLK | 0600, PosixFiles.makedev(8, 1));
        PosixFiles.mknod(dir.resolve("fifo"), FileStat.S_IFIFO | 0600, 0);

        byte[] tar = write(dir);

        assertThat(TarListing.item(tar, "link").entry().getLinkName()).isEqualTo("../a//b");
        var chr = TarListing.item(tar, "null").entry();
        assertThat(chr.isCharacterDevice()).isTrue();
        assertThat(chr.getDevMajor()).isEqualTo(1);
        assertThat(chr.getDevMinor()).isEqualTo(3);
        assertThat(TarListing.item(tar, "disk").entry().isBlockDevice()).isTrue();
        assertThat(TarListing.item(tar, "fifo").entry().isFIFO()).isTrue();
    }

    @Test
    void convertsOverlayWhiteoutsAndOpaqueDirectoriesAndPutsWhiteoutsFirst() throws Exception {
        file("etc/a-file", "a", 0644);
        PosixFiles.mknod(dir.resolve("etc/passwd"), FileStat.S_IFCHR, 0);
        Files.createDirectories(dir.resolve("etc/0-dir"));
        Files.createDirectories(dir.resolve("opaque-t"));
        Xattrs.set(dir.resolve("opaque-t"), Whiteouts.TRUSTED_OPAQUE_XATTR, new byte[] {'y'});
        Xattrs.set(dir.resolve("opaque-t"), "trusted.overlay.origin", new byte[] {1, 2});
        Files.createDirectories(dir.resolve("opaque-u"));
        Xattrs.set(dir.resolve("opaque-u"), Whiteouts.USER_OPAQUE_XATTR, new byte[] {'y'});
        file("opaque-u/kept", "k", 0644);

        byte[] tar = write(dir);

        assertThat(TarListing.names(tar)).containsExactly("etc/", "etc/.wh.passwd", "etc/0-dir/", "etc/a-file",
                "opaque-t/", "opaque-t/.wh..wh..opq", "opaque-u/", "opaque-u/.wh..wh..opq", "opaque-u/kept");
        var whiteout = TarListing.item(tar, "etc/.wh.passwd").entry();
        assertThat(whiteout.isFile()).isTrue();
        assertThat(whiteout.getSize()).isZero();
        assertThat(whiteout.getMode() & 07777).isZero();
        assertThat(TarListing.item(tar, "opaque-t/").entry().getExtraPaxHeaders()).isEmpty();
    }

    @Test
    void writesOtherXattrsAsPaxRecordsWithBinaryValuesIntact() throws Exception {
        Path ping = file("ping", "p", 0755);
        byte[] capability = {0x01, 0x00, 0x00, 0x02, (byte) 0x80, 0x20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
        Xattrs.set(ping, "security.capability", capability);
        Xattrs.set(ping, "user.note", "n".getBytes(StandardCharsets.UTF_8));
        byte[] tar = write(dir);

        assertThat(TarListing.item(tar, "ping").entry().getExtraPaxHeaders())
                .containsEntry("SCHILY.xattr.user.note", "n").containsKey("SCHILY.xattr.security.capability");
        Path applied = Files.createDirectory(dir.resolve("applied"));
        new LayerApplier().apply(new java.io.ByteArrayInputStream(tar), applied);
        assertThat(Xattrs.get(applied.resolve("ping"), "security.capability")).hasValueSatisfying(v -> assertThat(v).isEqualTo(capability));
    }

    @Test
    void usesPaxOnlyForWhatUstarCannotHold() throws Exception {
        String longName = "d".repeat(90) + "/" + "f".repeat(90); // fits ustar's prefix and name
        String tooLong = "l".repeat(120);
        file(longName, "1", 0644);
        file(tooLong, "2", 0644);
        file("ünïcode", "3", 0644);
        PosixFiles.lchown(dir.resolve(tooLong), 3_000_000, 0);
        PosixFiles.symlink(("/" + "t".repeat(150)).getBytes(StandardCharsets.UTF_8), dir.resolve("long-link"));

        byte[] tar = write(dir);

        assertThat(TarListing.item(tar, longName).entry().getExtraPaxHeaders()).isEmpty();
        assertThat(TarListing.item(tar, tooLong).entry().getLongUserId()).isEqualTo(3_000_000);
        assertThat(TarListing.item(tar, "ünïcode").content()).asString().isEqualTo("3");
        assertThat(TarListing.item(tar, "long-link").entry().getLinkName()).isEqualTo("/" + "t".repeat(150));
    }

    @Test
    void sizeCountsFileContentWithHardLinksOnce() throws Exception {
        file("a", "12345", 0644);
        file("b/c", "678", 0644);
        Files.createLink(dir.resolve("hard"), dir.resolve("a"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        long size = new LayerWriter().write(dir, out);

        assertThat(size).isEqualTo(8);
    }

    @Test
    void skipsSocketsAndRefusesFilesNamedLikeWhiteouts() throws Exception {
        try (ServerSocketChannel socket = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(dir.resolve("sock")));
            file("kept", "k", 0644);
            assertThat(TarListing.names(write(dir))).containsExactly("kept");
        }
        file("d/.wh.literal", "x", 0644);
        assertThatThrownBy(() -> write(dir)).isInstanceOfSatisfying(StrataException.class,
                e -> assertThat(e.getMessage()).contains("\"d/.wh.literal\" has a name that layers reserve for whiteouts"));
    }

    @Test
    void gnuTarReadsWhatWeWrite() throws Exception {
        file("dir/file", "content", 0640);
        file("l".repeat(150), "long", 0644);
        PosixFiles.symlink("file".getBytes(StandardCharsets.UTF_8), dir.resolve("dir/link"));
        Path tarFile = Files.write(Files.createTempFile("layer", ".tar"), write(dir));
        Path out = Files.createTempDirectory("gnu-tar");
        try {
            Process tar = new ProcessBuilder("tar", "-xf", tarFile.toString(), "-C", out.toString())
                    .redirectErrorStream(true).start();
            String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(tar.waitFor()).as(output).isZero();
            assertThat(out.resolve("dir/file")).hasContent("content");
            assertThat(out.resolve("l".repeat(150))).hasContent("long");
            assertThat(PosixFiles.lstat(out.resolve("dir/file")).permissions()).isEqualTo(0640);
            assertThat(Files.readSymbolicLink(out.resolve("dir/link")).toString()).isEqualTo("file");
        } finally {
            FileTrees.delete(out);
            Files.delete(tarFile);
        }
    }
}
