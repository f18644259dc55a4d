package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("root")
class LayerApplierTest {
    @TempDir
    Path target;

    private final LayerApplier applier = new LayerApplier();

    private ApplyResult apply(byte[] tar) throws Exception {
        return applier.apply(new ByteArrayInputStream(tar), target);
    }

    private FileStat stat(String name) throws Exception {
        return PosixFiles.lstat(target.resolve(name));
    }

    @Test
    void writesFilesAndDirectoriesWithTheirContent() throws Exception {
        byte[] big = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31 + 7);
        }
        ApplyResult result = apply(new TarFixture()
                .dir("etc")
                .file("etc/hostname", "strata\n")
                .file("empty", "")
                .file("big.bin", big, 0644, e -> {})
                .build());

        assertThat(target.resolve("etc/hostname")).hasContent("strata");
        assertThat(Files.size(target.resolve("empty"))).isZero();
        assertThat(Files.readAllBytes(target.resolve("big.bin"))).isEqualTo(big);
        assertThat(result.size()).isEqualTo(7 + big.length);
        assertThat(result.entries()).isEqualTo(4);
    }

    @Test
    void createsMissingParentsAsMode0755Directories() throws Exception {
        apply(new TarFixture().file("a/b/c.txt", "x").build());

        assertThat(stat("a").isDirectory()).isTrue();
        assertThat(stat("a").permissions()).isEqualTo(0755);
        assertThat(stat("a/b").permissions()).isEqualTo(0755);
        assertThat(target.resolve("a/b/c.txt")).hasContent("x");
    }

    @Test
    void keepsSymbolicLinkTargetsVerbatimAndNeverFollowsThem() throws Exception {
        apply(new TarFixture()
                .symlink("passwd", "/etc/passwd")
                .symlink("up", "../../..")
                .symlink("odd", "a//b/./")
                .build());

        assertThat(stat("passwd").isSymbolicLink()).isTrue();
        assertThat(new String(PosixFiles.readSymbolicLink(target.resolve("passwd")), StandardCharsets.UTF_8)).isEqualTo("/etc/passwd");
        assertThat(new String(PosixFiles.readSymbolicLink(target.resolve("up")), StandardCharsets.UTF_8)).isEqualTo("../../..");
        assertThat(new String(PosixFiles.readSymbolicLink(target.resolve("odd")), StandardCharsets.UTF_8)).isEqualTo("a//b/./");
    }

    @Test
    void hardLinksShareTheInodeOfAnEarlierEntry() throws Exception {
        apply(new TarFixture()
                .dir("bin")
                .file("bin/busybox", "binary")
                .hardlink("bin/sh", "bin/busybox")
                .hardlink("ls", "./bin/busybox")
                .build());

        assertThat(stat("bin/sh").inode()).isEqualTo(stat("bin/busybox").inode());
        assertThat(stat("ls").inode()).isEqualTo(stat("bin/busybox").inode());
        assertThat(stat("bin/busybox").links()).isEqualTo(3);
    }

    @Test
    void createsDevicesAndFifos() throws Exception {
        apply(new TarFixture()
                .device("null", TarConstants.LF_CHR, 1, 3)
                .device("sda", TarConstants.LF_BLK, 8, 0)
                .fifo("pipe")
                .build());

        assertThat(stat("null").isCharacterDevice()).isTrue();
        assertThat(stat("null").rdevMajor()).isEqualTo(1);
        assertThat(stat("null").rdevMinor()).isEqualTo(3);
        assertThat(stat("null").permissions()).isEqualTo(0660);
        assertThat(stat("sda").isBlockDevice()).isTrue();
        assertThat(stat("sda").rdevMajor()).isEqualTo(8);
        assertThat(stat("pipe").isFifo()).isTrue();
        assertThat(stat("pipe").permissions()).isEqualTo(0640);
    }

    @Test
    void setsFullModesIncludingSetuidSetgidAndStickyAfterChown() throws Exception {
        apply(new TarFixture()
                .file("su", "x".getBytes(), 04755, e -> e.setIds(1000, 1000))
                .file("wall", "x".getBytes(), 02711, e -> e.setIds(0, 5))
                .dir("tmp", 01777, e -> {})
                .dir("private", 0700, e -> {})
                .build());

        assertThat(stat("su").permissions()).isEqualTo(04755);
        assertThat(stat("wall").permissions()).isEqualTo(02711);
        assertThat(stat("tmp").permissions()).isEqualTo(01777);
        assertThat(stat("private").permissions()).isEqualTo(0700);
    }

    @Test
    void setsNumericOwnersOfEveryKindOfEntry() throws Exception {
        apply(new TarFixture()
                .dir("home", 0755, e -> e.setIds(1000, 100))
                .file("home/f", "x".getBytes(), 0644, e -> e.setIds(1001, 101))
                .symlink("home/l", "f", e -> e.setIds(1002, 102))
                .file("big-ids", "x".getBytes(), 0644, e -> { e.setUserId(3_000_000_000L); e.setGroupId(2_500_000L); })
                .build());

        assertThat(stat("home").uid()).isEqualTo(1000);
        assertThat(stat("home").gid()).isEqualTo(100);
        assertThat(stat("home/f").uid()).isEqualTo(1001);
        assertThat(stat("home/l").uid()).isEqualTo(1002);
        assertThat(stat("home/l").gid()).isEqualTo(102);
        assertThat(Integer.toUnsignedLong(stat("big-ids").uid())).isEqualTo(3_000_000_000L);
        assertThat(stat("big-ids").gid()).isEqualTo(2_500_000);
    }

    @Test
    void unprivilegedKeepsOurOwnerAndUsesUserOverlayXattrs() throws Exception {
        byte[] tar = new TarFixture()
                .file("f", "x".getBytes(), 0644, e -> e.setIds(1000, 1000))
                .dir("d")
                .file("d/" + Whiteouts.OPAQUE, "")
                .build();

        new LayerApplier(new ApplyOptions(false, true, 2)).apply(new ByteArrayInputStream(tar), target);

        assertThat(stat("f").uid()).isEqualTo(dev.strata.core.sys.Credentials.effectiveUid());
        assertThat(Xattrs.get(target.resolve("d"), Whiteouts.USER_OPAQUE_XATTR)).hasValueSatisfying(v -> assertThat(v).containsExactly('y'));
        assertThat(Xattrs.get(target.resolve("d"), Whiteouts.TRUSTED_OPAQUE_XATTR)).isEmpty();
    }

    @Test
    void setsModificationTimesOfFilesLinksAndDirectoriesAfterTheirContents() throws Exception {
        long seconds = TarFixture.MTIME.getEpochSecond();
        apply(new TarFixture()
                .dir("d")
                .file("d/a", "1")
                .file("d/b", "2")
                .symlink("d/link", "a")
                .build());

        assertThat(stat("d").mtimeSeconds()).isEqualTo(seconds);
        assertThat(stat("d/a").mtimeSeconds()).isEqualTo(seconds);
        assertThat(stat("d/link").mtimeSeconds()).isEqualTo(seconds);
        assertThat(stat("d/a").mtimeSeconds()).isEqualTo(seconds); // the link's time did not go to its target
    }

    @Test
    void setsExtendedAttributesFromPaxRecordsIncludingBinaryValues() throws Exception {
        byte[] capability = {0x01, 0x00, 0x00, 0x02, (byte) 0x80, 0x20, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff};
        Map<String, byte[]> xattrs = new TreeMap<>();
        xattrs.put("security.capability", capability);
        xattrs.put("user.comment", "héllo".getBytes(StandardCharsets.UTF_8));
        xattrs.put("trusted.overlay.redirect", "/elsewhere".getBytes(StandardCharsets.UTF_8));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TarWriter writer = new TarWriter(out);
        writer.write(new TarEntry("ping", EntryType.FILE, null, 0755, 0, 0, 1, 0, 0, 0, 0, xattrs),
                new ByteArrayInputStream(new byte[] {'x'}));
        writer.finish();

        apply(out.toByteArray());

        Path ping = target.resolve("ping");
        assertThat(Xattrs.get(ping, "security.capability")).hasValueSatisfying(v -> assertThat(v).isEqualTo(capability));
        assertThat(Xattrs.get(ping, "user.comment")).hasValueSatisfying(v -> assertThat(v).asString(StandardCharsets.UTF_8).isEqualTo("héllo"));
        assertThat(Xattrs.get(ping, "trusted.overlay.redirect")).isEmpty();
    }

    @Test
    void readsXattrsWrittenByCommonsCompress() throws Exception {
        apply(new TarFixture()
                .file("f", "x".getBytes(), 0644, e -> e.addPaxHeader("SCHILY.xattr.user.mime_type", "text/plain"))
                .build());

        assertThat(Xattrs.get(target.resolve("f"), "user.mime_type")).hasValueSatisfying(v -> assertThat(v).asString().isEqualTo("text/plain"));
    }

    @Test
    void acceptsLongNamesInPaxAndGnuForm() throws Exception {
        String longDir = "d".repeat(120) + "/" + "e".repeat(110);
        String longTarget = "/" + "t".repeat(150);
        for (TarFixture fixture : new TarFixture[] {new TarFixture(), TarFixture.gnu()}) {
            Path into = Files.createTempDirectory(target, "layer");
            byte[] tar = fixture
                    .dir(longDir)
                    .file(longDir + "/" + "f".repeat(200), "long")
                    .symlink("link", longTarget)
                    .hardlink("hard", longDir + "/" + "f".repeat(200))
                    .build();

            applier.apply(new ByteArrayInputStream(tar), into);

            assertThat(into.resolve(longDir + "/" + "f".repeat(200))).hasContent("long");
            assertThat(new String(PosixFiles.readSymbolicLink(into.resolve("link")), StandardCharsets.UTF_8)).isEqualTo(longTarget);
            assertThat(PosixFiles.lstat(into.resolve("hard")).links()).isEqualTo(2);
        }
    }

    @Test
    void appliesMetadataOfTheRootEntry() throws Exception {
        apply(new TarFixture().dir("./", 0751, e -> {}).file("./f", "x").build());

        assertThat(PosixFiles.lstat(target).permissions()).isEqualTo(0751);
        assertThat(PosixFiles.lstat(target).mtimeSeconds()).isEqualTo(TarFixture.MTIME.getEpochSecond());
        assertThat(target.resolve("f")).hasContent("x");
    }

    @Test
    void sequentialAndParallelWritersProduceTheSameTree() throws Exception {
        TarFixture fixture = new TarFixture().dir("d");
        for (int i = 0; i < 300; i++) {
            fixture.file("d/f" + i, ("content " + i).getBytes(), 0600 + (i % 64), e -> e.setIds(1000, 1000));
        }
        byte[] tar = fixture
                .file("d/f7", "replaced")
                .hardlink("d/link", "d/f8")
                .file("d/.wh.f9", "")
                .file(".wh.gone", "")
                .file("gone", "back")
                .file("big", new byte[3 << 20], 0644, e -> {})
                .build();
        byte[][] layers = new byte[2][];
        int[] writers = {0, 4};
        for (int i = 0; i < 2; i++) {
            Path into = Files.createDirectory(target.resolve("w" + writers[i]));
            new LayerApplier(new ApplyOptions(true, true, writers[i])).apply(new ByteArrayInputStream(tar), into);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new LayerWriter().write(into, out);
            layers[i] = out.toByteArray();
        }

        assertThat(layers[1]).isEqualTo(layers[0]);
        assertThat(target.resolve("w4/d/f7")).hasContent("replaced");
        assertThat(target.resolve("w4/d/f9")).hasContent("content 9");
        assertThat(target.resolve("w4/gone")).hasContent("back");
        assertThat(PosixFiles.lstat(target.resolve("w4/d/link")).inode()).isEqualTo(PosixFiles.lstat(target.resolve("w4/d/f8")).inode());
    }

    @Test
    void aFailureInAWriterThreadFailsTheApplyWithTheFileNamed() {
        byte[] tar = new TarFixture()
                .file("ok", "x")
                .file("bad", "x".getBytes(), 0644, e -> e.addPaxHeader("SCHILY.xattr.bogus.namespace", "v"))
                .file("after", "x")
                .build();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> apply(tar))
                .isInstanceOfSatisfying(dev.strata.core.StrataException.class,
                        e -> assertThat(e.kind()).isEqualTo(dev.strata.core.StrataException.Kind.SYSTEM))
                .hasMessageStartingWith("cannot extract layer: cannot set extended attribute bogus.namespace on")
                .hasMessageContaining("bad");
    }
}
