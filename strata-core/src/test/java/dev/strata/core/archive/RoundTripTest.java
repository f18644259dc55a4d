package dev.strata.core.archive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.Digest;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** apply, write, apply, write: the layer survives unchanged, whiteouts included. */
@Tag("root")
class RoundTripTest {
    @TempDir
    Path work;

    private record Written(byte[] bytes, long size) {}

    private Written write(Path tree) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long size = new LayerWriter().write(tree, out);
        return new Written(out.toByteArray(), size);
    }

    private Path apply(byte[] tar, String name) throws Exception {
        Path into = Files.createDirectory(work.resolve(name));
        new LayerApplier().apply(new ByteArrayInputStream(tar), into);
        return into;
    }

    @Test
    void applyWriteApplyGivesTheSameDiffIdAndBytes() throws Exception {
        byte[] original = new TarFixture()
                .dir("bin")
                .file("bin/busybox", "busybox binary".getBytes(), 0755, e -> e.setIds(0, 0))
                .hardlink("bin/sh", "bin/busybox")
                .symlink("bin/ls", "busybox")
                .dir("tmp", 01777, e -> {})
                .file("usr/bin/passwd", "x".getBytes(), 04755, e -> e.addPaxHeader("SCHILY.xattr.user.tag", "v"))
                .dir("home/user", 0700, e -> e.setIds(1000, 1000))
                .device("dev/null", TarConstants.LF_CHR, 1, 3)
                .fifo("run/fifo")
                .file("etc/.wh.removed", "")
                .dir("var/cache")
                .file("var/cache/.wh..wh..opq", "")
                .file("var/cache/new", "n")
                .file("deep/" + "n".repeat(120) + "/" + "f".repeat(120), "long")
                .build();

        Written first = write(apply(original, "first"));
        Path second = apply(first.bytes(), "second");
        ApplyResult secondApply = new LayerApplier().apply(new ByteArrayInputStream(first.bytes()), Files.createDirectory(work.resolve("third")));
        Written again = write(second);

        assertThat(again.bytes()).isEqualTo(first.bytes());
        assertThat(again.size()).isEqualTo(first.size());
        assertThat(secondApply.diffId()).isEqualTo(Digest.sha256(first.bytes()));
        assertThat(secondApply.size()).isEqualTo(first.size());
        assertThat(TarListing.names(first.bytes())).contains("etc/.wh.removed", "var/cache/.wh..wh..opq", "bin/sh");
        FileStat whiteout = PosixFiles.lstat(second.resolve("etc/removed"));
        assertThat(whiteout.isCharacterDevice() && whiteout.rdevMajor() == 0 && whiteout.rdevMinor() == 0).isTrue();
        assertThat(Xattrs.get(second.resolve("var/cache"), Whiteouts.TRUSTED_OPAQUE_XATTR)).isPresent();
        assertThat(PosixFiles.lstat(second.resolve("usr/bin/passwd")).permissions()).isEqualTo(04755);
        assertThat(PosixFiles.lstat(second.resolve("home/user")).uid()).isEqualTo(1000);
    }
}
