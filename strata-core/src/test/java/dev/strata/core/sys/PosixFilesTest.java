package dev.strata.core.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixFilesTest {
    @TempDir
    Path dir;

    @Test
    void lstatDescribesARegularFile() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "hello");
        PosixFiles.chmod(file, 0640);

        FileStat stat = PosixFiles.lstat(file);

        assertThat(stat.isRegularFile()).isTrue();
        assertThat(stat.size()).isEqualTo(5);
        assertThat(stat.permissions()).isEqualTo(0640);
        assertThat(stat.links()).isEqualTo(1);
        assertThat(stat.inode()).isEqualTo(Files.getAttribute(file, "unix:ino"));
        assertThat(stat.uid()).isEqualTo(Files.getAttribute(file, "unix:uid"));
    }

    @Test
    void lstatDoesNotFollowASymbolicLink() throws Exception {
        Files.createDirectory(dir.resolve("d"));
        Path link = Files.createSymbolicLink(dir.resolve("l"), dir.resolve("d"));

        assertThat(PosixFiles.lstat(link).isSymbolicLink()).isTrue();
    }

    @Test
    void lstatIfExistsIsEmptyForAMissingFileAndThrowsForOtherErrors() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");

        assertThat(PosixFiles.lstatIfExists(dir.resolve("missing"))).isEmpty();
        assertThatThrownBy(() -> PosixFiles.lstatIfExists(file.resolve("below-a-file")))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.ENOTDIR));
    }

    @Test
    void chmodSetsSetuidSetgidAndSticky() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");

        PosixFiles.chmod(file, 07755);

        assertThat(PosixFiles.lstat(file).permissions()).isEqualTo(07755);
        assertThat((int) Files.getAttribute(file, "unix:mode") & 07777).isEqualTo(07755);
    }

    @Test
    @Tag("root")
    void mknodCreatesDevicesAndFifos() throws Exception {
        PosixFiles.mknod(dir.resolve("null"), FileStat.S_IFCHR | 0666, PosixFiles.makedev(1, 3));
        PosixFiles.mknod(dir.resolve("loop"), FileStat.S_IFBLK | 0600, PosixFiles.makedev(7, 300));
        PosixFiles.mknod(dir.resolve("fifo"), FileStat.S_IFIFO | 0600, 0);

        FileStat chr = PosixFiles.lstat(dir.resolve("null"));
        FileStat blk = PosixFiles.lstat(dir.resolve("loop"));
        assertThat(chr.isCharacterDevice()).isTrue();
        assertThat(chr.rdevMajor()).isEqualTo(1);
        assertThat(chr.rdevMinor()).isEqualTo(3);
        assertThat(blk.isBlockDevice()).isTrue();
        assertThat(blk.rdevMinor()).isEqualTo(300);
        assertThat(PosixFiles.lstat(dir.resolve("fifo")).isFifo()).isTrue();
    }

    @Test
    void mknodReportsAnExistingFileAsEexist() throws Exception {
        Path file = Files.writeString(dir.resolve("f"), "x");

        assertThatThrownBy(() -> PosixFiles.mknod(file, FileStat.S_IFREG | 0600, 0))
                .isInstanceOfSatisfying(ErrnoException.class, e -> {
                    assertThat(e.errno()).isEqualTo(ErrnoException.EEXIST);
                    assertThat(e.getMessage()).contains("mknod").contains("File exists");
                });
    }

    @Test
    void mknodRefusesADeviceNumberTheKernelsThirtyTwoBitsCannotHold() {
        // as the C library's mknod does: the kernel would silently drop the high bits and make another device
        Path node = dir.resolve("big");

        assertThatThrownBy(() -> PosixFiles.mknod(node, FileStat.S_IFCHR | 0600, PosixFiles.makedev(0x12345, 1)))
                .isInstanceOfSatisfying(ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(ErrnoException.EINVAL));
        assertThat(node).doesNotExist();
    }

    @Test
    void makedevMatchesGlibcForLargeNumbers() {
        assertThat(PosixFiles.makedev(1, 3)).isEqualTo(0x103);
        assertThat(PosixFiles.makedev(0x12345, 0x6789a)).isEqualTo(0x1_2000_6783_459aL); // os.makedev in Python agrees
    }

    @Test
    @Tag("root")
    void lchownChangesTheLinkNotItsTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("t"), "x");
        Path link = dir.resolve("l");
        PosixFiles.symlink("t".getBytes(StandardCharsets.UTF_8), link);

        PosixFiles.lchown(link, 1234, 5678);

        assertThat(PosixFiles.lstat(link).uid()).isEqualTo(1234);
        assertThat(PosixFiles.lstat(link).gid()).isEqualTo(5678);
        assertThat(PosixFiles.lstat(target).uid()).isEqualTo(0);
    }

    @Test
    void symlinkKeepsTheTargetBytesExactly() throws Exception {
        byte[] target = "a//b/./c/".getBytes(StandardCharsets.UTF_8);
        Path link = dir.resolve("l");

        PosixFiles.symlink(target, link);

        assertThat(PosixFiles.readSymbolicLink(link)).isEqualTo(target);
    }

    @Test
    void setTimesChangesASymbolicLinkButNotItsTarget() throws Exception {
        Path target = Files.writeString(dir.resolve("t"), "x");
        Path link = dir.resolve("l");
        PosixFiles.symlink("t".getBytes(StandardCharsets.UTF_8), link);
        FileTime before = Files.getLastModifiedTime(target);

        PosixFiles.setTimes(link, 1_000_000_000L, 5);

        assertThat(PosixFiles.lstat(link).mtimeSeconds()).isEqualTo(1_000_000_000L);
        assertThat(PosixFiles.lstat(link).mtimeNanos()).isEqualTo(5);
        assertThat(Files.getLastModifiedTime(link, LinkOption.NOFOLLOW_LINKS).toMillis()).isEqualTo(1_000_000_000_000L);
        assertThat(Files.getLastModifiedTime(target)).isEqualTo(before);
    }

    @Test
    void linkMakesAHardLinkToTheLinkItself() throws Exception {
        Path link = dir.resolve("l");
        PosixFiles.symlink("/nowhere".getBytes(StandardCharsets.UTF_8), link);

        PosixFiles.link(link, dir.resolve("l2"));

        FileStat a = PosixFiles.lstat(link);
        FileStat b = PosixFiles.lstat(dir.resolve("l2"));
        assertThat(b.isSymbolicLink()).isTrue();
        assertThat(b.inode()).isEqualTo(a.inode());
        assertThat(b.links()).isEqualTo(2);
    }

    @Test
    void mkdirCreatesADirectory() throws Exception {
        PosixFiles.mkdir(dir.resolve("d"), 0700);

        assertThat(PosixFiles.lstat(dir.resolve("d")).isDirectory()).isTrue();
    }
}
