package dev.strata.core.runtime.rootfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayOutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code docker export}: the whole root as one tar, read back by Commons Compress and by GNU tar. */
@Tag("root") // device nodes and security.capability
class ExportTest {
    /** A version 2 file capability granting CAP_NET_RAW, effective: binary, with NUL bytes. */
    static final byte[] CAP_NET_RAW = HexFormat.of().parseHex("0100000200200000000000000000000000000000");

    @TempDir
    Path dir;
    Path root;
    final ContainerArchive archive = new ContainerArchive();

    @BeforeEach
    void fixture() throws Exception {
        root = new RootFixture(dir).root;
    }

    private byte[] export(Set<String> skip) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        archive.exportTar(root, out, skip);
        return out.toByteArray();
    }

    @Test
    void everythingFromTheRootSortedWithoutTheRootItself() throws Exception {
        assertThat(Tars.names(export(Set.of()))).containsExactly(
                "abs-etc", "escape-abs", "escape-dotdot", "etc/", "etc/group", "etc/hostname", "etc/passwd",
                "tmp/", "tmp/up", "tools", "usr/", "usr/bin/", "usr/bin/tool");
    }

    @Test
    void mountPointsAreLeftOutButADirectoryOneStaysAsAnEmptyDirectory() throws Exception {
        assertThat(Tars.names(export(Set.of("/tmp", "etc/hostname", "/usr/bin")))).containsExactly(
                "abs-etc", "escape-abs", "escape-dotdot", "etc/", "etc/group", "etc/passwd",
                "tmp/", "tools", "usr/", "usr/bin/");
    }

    @Test
    void specialFilesAndLongNamesTravelAndSocketsDoNot() throws Exception {
        PosixFiles.mknod(root.resolve("null"), FileStat.S_IFCHR | 0666, PosixFiles.makedev(1, 3));
        PosixFiles.mknod(root.resolve("fifo"), FileStat.S_IFIFO | 0600, 0);
        try (ServerSocketChannel socket = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            socket.bind(UnixDomainSocketAddress.of(root.resolve("socket")));
        }
        String longName = "d".repeat(120) + "/" + "f".repeat(150) + "-é";
        Files.createDirectories(root.resolve(longName).getParent());
        Files.writeString(root.resolve(longName), "long");

        var items = Tars.byName(export(Set.of()));
        assertThat(items.get("null").type()).isEqualTo('3');
        assertThat(items.get("fifo").type()).isEqualTo('6');
        assertThat(items).doesNotContainKey("socket");
        assertThat(items.get(longName).content()).isEqualTo("long");
    }

    @Test
    void aFileCapabilityTravelsByteForByte() throws Exception {
        Path ping = Files.writeString(root.resolve("usr/bin/ping"), "ping");
        Xattrs.set(ping, "security.capability", CAP_NET_RAW);

        byte[] tar = export(Set.of());

        byte[] record = "SCHILY.xattr.security.capability=".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(tar, record);
        assertThat(at).isNotNegative();
        byte[] value = java.util.Arrays.copyOfRange(tar, at + record.length, at + record.length + CAP_NET_RAW.length);
        assertThat(value).isEqualTo(CAP_NET_RAW);
    }

    @Test
    void gnuTarExtractsTheExportAsItWas() throws Exception {
        Files.createLink(root.resolve("etc/passwd-hard"), root.resolve("etc/passwd"));
        Path tar = dir.resolve("export.tar");
        try (var out = Files.newOutputStream(tar)) {
            archive.exportTar(root, out, List.of());
        }
        Path unpacked = Files.createDirectory(dir.resolve("unpacked"));

        Process process = new ProcessBuilder("tar", "-C", unpacked.toString(), "--numeric-owner", "-xpf", tar.toString())
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();

        assertThat(unpacked.resolve("etc/passwd")).hasSameTextualContentAs(root.resolve("etc/passwd"));
        assertThat(Files.isSameFile(unpacked.resolve("etc/passwd"), unpacked.resolve("etc/passwd-hard"))).isTrue();
        assertThat(Files.getAttribute(unpacked.resolve("usr/bin/tool"), "unix:mode")).isEqualTo(0100755);
        assertThat(Files.readSymbolicLink(unpacked.resolve("escape-abs"))).isEqualTo(Files.readSymbolicLink(root.resolve("escape-abs")));
        assertThat(Files.getLastModifiedTime(unpacked.resolve("etc/hostname")).toMillis() / 1000)
                .isEqualTo(Files.getLastModifiedTime(root.resolve("etc/hostname")).toMillis() / 1000);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
