package dev.strata.core.volume;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CopyUpTest {
    @TempDir
    Path dir;

    Path rootfs;
    Path volume;

    @BeforeEach
    void setUp() throws Exception {
        rootfs = Files.createDirectories(dir.resolve("rootfs"));
        volume = Files.createDirectories(dir.resolve("volume/_data"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void copiesContentModesTimesLinksAndUserAttributes() throws Exception {
        Path from = Files.createDirectories(rootfs.resolve("var/lib/app"));
        Path conf = Files.writeString(from.resolve("app.conf"), "port=80\n");
        PosixFiles.chmod(conf, 0640);
        PosixFiles.setTimes(conf, 1_600_000_000L, 123_000_000);
        Xattrs.set(conf, "user.origin", bytes("image"));
        Path sub = Files.createDirectories(from.resolve("cache/deep"));
        Files.write(sub.resolve("big"), new byte[3 << 20]);
        PosixFiles.chmod(from.resolve("cache"), 01777);
        PosixFiles.setTimes(from.resolve("cache"), 1_500_000_000L, 0);
        Path tool = Files.writeString(from.resolve("tool"), "#!/bin/sh\n");
        PosixFiles.chmod(tool, 04755);
        Files.createLink(from.resolve("tool-again"), tool);
        Files.createSymbolicLink(from.resolve("current"), Path.of("cache/deep"));
        Files.createSymbolicLink(from.resolve("passwd"), Path.of("/etc/passwd"));
        PosixFiles.mknod(from.resolve("pipe"), FileStat.S_IFIFO | 0600, 0);
        PosixFiles.chmod(from, 0750);
        PosixFiles.setTimes(from, 1_400_000_000L, 5);

        assertThat(CopyUp.copyUp(from, volume)).isTrue();

        assertThat(volume.resolve("app.conf")).hasContent("port=80");
        FileStat copied = PosixFiles.lstat(volume.resolve("app.conf"));
        assertThat(copied.permissions()).isEqualTo(0640);
        assertThat(copied.mtimeSeconds()).isEqualTo(1_600_000_000L);
        assertThat(copied.mtimeNanos()).isEqualTo(123_000_000);
        assertThat(Xattrs.get(volume.resolve("app.conf"), "user.origin")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("image")));
        assertThat(Files.size(volume.resolve("cache/deep/big"))).isEqualTo(3 << 20);
        FileStat cache = PosixFiles.lstat(volume.resolve("cache"));
        assertThat(cache.permissions()).isEqualTo(01777);
        assertThat(cache.mtimeSeconds()).isEqualTo(1_500_000_000L); // set after its contents were copied in
        assertThat(PosixFiles.lstat(volume.resolve("tool")).permissions()).isEqualTo(04755);
        assertThat(PosixFiles.lstat(volume.resolve("tool-again")).inode()).isEqualTo(PosixFiles.lstat(volume.resolve("tool")).inode());
        assertThat(Files.readSymbolicLink(volume.resolve("current"))).isEqualTo(Path.of("cache/deep"));
        // an absolute link is copied as it is: it means /etc/passwd of the container, never read on the host
        assertThat(Files.readSymbolicLink(volume.resolve("passwd"))).isEqualTo(Path.of("/etc/passwd"));
        assertThat(PosixFiles.lstat(volume.resolve("pipe")).isFifo()).isTrue();
        // the volume's own directory takes the image directory's mode and time
        FileStat top = PosixFiles.lstat(volume);
        assertThat(top.permissions()).isEqualTo(0750);
        assertThat(top.mtimeSeconds()).isEqualTo(1_400_000_000L);
    }

    @Test
    void aVolumeThatIsNotEmptyIsLeftAlone() throws Exception {
        Path from = Files.createDirectories(rootfs.resolve("data"));
        Files.writeString(from.resolve("from-image"), "x");
        Files.writeString(volume.resolve("mine"), "kept");

        assertThat(CopyUp.copyUp(from, volume)).isFalse();

        assertThat(volume.resolve("from-image")).doesNotExist();
        assertThat(volume.resolve("mine")).hasContent("kept");
    }

    @Test
    void nothingToCopyWhenTheImageHasNoDirectoryThere() throws Exception {
        assertThat(CopyUp.copyUp(rootfs.resolve("missing"), volume)).isFalse();
        Files.writeString(rootfs.resolve("file"), "x");
        assertThat(CopyUp.copyUp(rootfs.resolve("file"), volume)).isFalse();
        assertThat(volume).isEmptyDirectory();
    }

    @Test
    void aSymbolicLinkOutOfTheRootFilesystemIsNeverFollowed() throws Exception {
        Path hostSecrets = Files.createDirectories(dir.resolve("host-secrets"));
        Files.writeString(hostSecrets.resolve("key"), "secret");
        // The image's /data is a link to an absolute path that exists on the host.
        Files.createSymbolicLink(rootfs.resolve("data"), hostSecrets);

        assertThat(CopyUp.copyUp(rootfs.resolve("data"), volume)).isFalse();
        // Resolved as the container sees it, the link leads inside the root filesystem, where nothing is.
        assertThat(CopyUp.copyUp(rootfs, "/data", volume)).isFalse();
        assertThat(volume).isEmptyDirectory();
    }

    @Test
    void aContainerPathThroughLinksIsCopiedFromInsideTheRootFilesystem() throws Exception {
        Path real = Files.createDirectories(rootfs.resolve("srv/real"));
        Files.writeString(real.resolve("index.html"), "<h1>hi</h1>");
        Files.createSymbolicLink(rootfs.resolve("www"), Path.of("/srv/real"));

        assertThat(CopyUp.copyUp(rootfs, "/www", volume)).isTrue();

        assertThat(volume.resolve("index.html")).hasContent("<h1>hi</h1>");
    }

    @Test
    @Tag("root")
    void ownersDevicesAndTrustedAttributesNeedRoot() throws Exception {
        Path from = Files.createDirectories(rootfs.resolve("home/app"));
        Path file = Files.writeString(from.resolve("owned"), "x");
        PosixFiles.lchown(file, 1000, 1000);
        PosixFiles.chmod(file, 02750); // after chown, which clears setgid
        Path link = Files.createSymbolicLink(from.resolve("link"), Path.of("owned"));
        PosixFiles.lchown(link, 1000, 1001);
        PosixFiles.mknod(from.resolve("null"), FileStat.S_IFCHR | 0666, PosixFiles.makedev(1, 3));
        Xattrs.set(file, "trusted.note", bytes("t"));
        PosixFiles.lchown(from, 1000, 1000);

        assertThat(CopyUp.copyUp(from, volume)).isTrue();

        FileStat owned = PosixFiles.lstat(volume.resolve("owned"));
        assertThat(owned.uid()).isEqualTo(1000);
        assertThat(owned.gid()).isEqualTo(1000);
        assertThat(owned.permissions()).isEqualTo(02750);
        FileStat copiedLink = PosixFiles.lstat(volume.resolve("link"));
        assertThat(copiedLink.uid()).isEqualTo(1000);
        assertThat(copiedLink.gid()).isEqualTo(1001);
        FileStat device = PosixFiles.lstat(volume.resolve("null"));
        assertThat(device.isCharacterDevice()).isTrue();
        assertThat(device.rdevMajor()).isEqualTo(1);
        assertThat(device.rdevMinor()).isEqualTo(3);
        assertThat(Xattrs.get(volume.resolve("owned"), "trusted.note")).isPresent();
        assertThat(PosixFiles.lstat(volume).uid()).isEqualTo(1000);
    }

    @Test
    void volumesCopyUpFillsANamedVolumeOnce() throws Exception {
        Volumes volumes = new Volumes(dir.resolve("store"), java.time.Clock.systemUTC(), new java.util.Random(1),
                VolumeUsers.NONE);
        Volume v = volumes.create("site", null, java.util.Map.of(), java.util.Map.of());
        Path from = Files.createDirectories(rootfs.resolve("site"));
        Files.writeString(from.resolve("a"), "1");

        assertThat(volumes.copyUp("site", from)).isTrue();
        Files.writeString(from.resolve("b"), "2");
        assertThat(volumes.copyUp("site", from)).isFalse();

        assertThat(v.mountpoint().resolve("a")).hasContent("1");
        assertThat(v.mountpoint().resolve("b")).doesNotExist();
    }
}
