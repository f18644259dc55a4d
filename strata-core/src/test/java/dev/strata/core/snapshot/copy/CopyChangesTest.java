package dev.strata.core.snapshot.copy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.archive.LayerWriter;
import dev.strata.core.archive.Whiteouts;
import dev.strata.core.snapshot.overlay.Change;
import dev.strata.core.snapshot.overlay.Changes;
import dev.strata.core.snapshot.overlay.OverlayMount;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.FileTrees;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The copying fallback against its peer, the kernel's overlayfs: the same actions on an overlay mount and on a
 * {@link MergedCopy} of the same snapshots must give the same {@code diff} and the same layer.
 */
@Tag("root") // overlay mounts, device nodes, owners and trusted.* attributes
class CopyChangesTest {
    @TempDir
    Path work;
    Path base;
    Path top;
    List<Path> lowers;
    Path overlayMerged;

    @BeforeEach
    void snapshots() throws Exception {
        base = Files.createDirectory(work.resolve("base"));
        top = Files.createDirectory(work.resolve("top"));
        file(base, "etc/passwd", "root:x:0:0");
        file(base, "etc/deleted-by-top", "gone");
        file(base, "bin/tool", "#!/bin/sh");
        Files.createSymbolicLink(base.resolve("bin/link"), Path.of("tool"));
        file(base, "var/lib/a", "a");
        file(base, "var/lib/b", "b");
        file(base, "opaque-in-top/hidden", "h");
        file(base, "tree/x/y/z", "z");
        file(base, "becomes-dir", "f");
        file(base, "becomes-file/inner", "i");
        file(base, "hard/one", "shared");
        Files.createLink(base.resolve("hard/two"), base.resolve("hard/one"));
        PosixFiles.mknod(base.resolve("fifo"), FileStat.S_IFIFO | 0640, 0);
        Xattrs.set(base.resolve("bin/tool"), "security.capability", capability());
        PosixFiles.lchown(base.resolve("var/lib/a"), 1000, 1000);
        // the top layer: a whiteout, an opaque directory, a changed file
        PosixFiles.mknod(top.resolve("unused"), FileStat.S_IFCHR, 0); // a whiteout over nothing
        Files.createDirectories(top.resolve("etc"));
        PosixFiles.mknod(top.resolve("etc/deleted-by-top"), FileStat.S_IFCHR, 0);
        Files.createDirectories(top.resolve("opaque-in-top"));
        Xattrs.set(top.resolve("opaque-in-top"), Whiteouts.TRUSTED_OPAQUE_XATTR, "y".getBytes(StandardCharsets.US_ASCII));
        file(top, "opaque-in-top/shown", "s");
        file(top, "var/lib/b", "b from top");
        for (Path layer : List.of(base, top)) { // fixed times, so both roots start alike
            Files.walk(layer).sorted(java.util.Comparator.reverseOrder()).forEach(p -> setTime(p));
        }
        lowers = List.of(top, base);
        overlayMerged = Files.createDirectory(work.resolve("merged"));
    }

    @AfterEach
    void unmount() {
        if (overlayMerged != null) {
            OverlayMount.unmountIfMounted(overlayMerged);
        }
    }

    @Test
    void aCopyShowsWhatTheOverlayMountShows() throws Exception {
        Path copy = Files.createDirectory(work.resolve("copy"));
        MergedCopy.copy(lowers, copy, MergedCopy.Contents.COPIED);
        OverlayMount mount = mount();
        try {
            assertThat(entries(copy)).isEqualTo(entries(overlayMerged));
        } finally {
            mount.unmount(overlayMerged);
        }
        assertThat(Files.exists(copy.resolve("etc/deleted-by-top"))).isFalse();
        assertThat(Files.exists(copy.resolve("opaque-in-top/hidden"))).isFalse();
        assertThat(Files.readString(copy.resolve("var/lib/b"))).isEqualTo("b from top");
        FileStat one = PosixFiles.lstat(copy.resolve("hard/one"));
        assertThat(PosixFiles.lstat(copy.resolve("hard/two")).inode()).isEqualTo(one.inode());
        assertThat(one.inode()).isNotEqualTo(PosixFiles.lstat(base.resolve("hard/one")).inode());
        assertThat(Xattrs.get(copy.resolve("opaque-in-top"), Whiteouts.TRUSTED_OPAQUE_XATTR)).isEmpty();
    }

    @Test
    void aLinkedCopySharesTheSnapshotsFiles() throws Exception {
        Path view = Files.createDirectory(work.resolve("view"));
        MergedCopy.copy(lowers, view, MergedCopy.Contents.LINKED);
        assertThat(PosixFiles.lstat(view.resolve("bin/tool")).inode())
                .isEqualTo(PosixFiles.lstat(base.resolve("bin/tool")).inode());
        assertThat(Files.readString(view.resolve("opaque-in-top/shown"))).isEqualTo("s");
        assertThat(Files.exists(view.resolve("opaque-in-top/hidden"))).isFalse();
    }

    @Test
    void theSameActionsGiveTheSameDiffAndTheSameLayer() throws Exception {
        Path upper = Files.createDirectory(work.resolve("upper"));
        OverlayMount mount = new OverlayMount(lowers, upper, Files.createDirectory(work.resolve("work")));
        mount.mount(overlayMerged);
        try {
            act(overlayMerged);
        } finally {
            mount.unmount(overlayMerged);
        }
        Path copy = Files.createDirectory(work.resolve("copy"));
        MergedCopy.copy(lowers, copy, MergedCopy.Contents.COPIED);
        act(copy);
        Path changes = Files.createDirectory(work.resolve("changes"));

        assertThat(CopyChanges.collect(copy, lowers, changes)).isTrue();

        // One difference, by design: overlayfs (without its index) copies up only the name a new link is made to, so
        // the file's other old name no longer shares its inode; the copy keeps every name of it linked, and says so.
        List<String> copied = lines(Changes.between(changes, lowers));
        assertThat(copied).contains("C /hard/two");
        assertThat(without(copied, "C /hard/two")).isEqualTo(lines(Changes.between(upper, lowers)))
                .contains("D /etc/passwd", "A /new-dir/inner/file", "C /var/lib/a", "C /becomes-dir", "D /tree",
                        "A /opaque-in-top/after", "D /opaque-in-top/shown", "C /bin/link", "A /hard/three", "C /hard/one");
        // The layers may say it differently (overlayfs marks a directory made again opaque, the copy whites out what
        // went), but an image made with either is the same image.
        assertThat(entries(merged(changes))).isEqualTo(entries(merged(upper)));
        Map<String, String> layer = layer(changes);
        assertThat(layer.get("hard/two")).isEqualTo("420 0:0 -> hard/one 0,0 {}");
        assertThat(layer.get("hard/three")).isEqualTo("420 0:0 -> hard/one 0,0 {}");
        assertThat(layer).containsKeys(".wh.fifo", "etc/.wh.passwd", ".wh.tree", "becomes-dir/.wh..wh..opq",
                "opaque-in-top/.wh.shown", "null", "bin/tool");
        assertThat(PosixFiles.lstat(changes.resolve("new-file")).inode())
                .as("a changed file is a link to the copy's, not a second copy")
                .isEqualTo(PosixFiles.lstat(copy.resolve("new-file")).inode());
    }

    @Test
    void anUntouchedCopyHasNoChanges() throws Exception {
        Path copy = Files.createDirectory(work.resolve("copy"));
        MergedCopy.copy(lowers, copy, MergedCopy.Contents.COPIED);
        Path changes = Files.createDirectory(work.resolve("changes"));

        assertThat(CopyChanges.collect(copy, lowers, changes)).isFalse();
        assertThat(Changes.between(changes, lowers)).isEmpty();
        try (var listed = Files.list(changes)) {
            assertThat(listed).isEmpty();
        }
    }

    @Test
    void aChangeOfMetadataAloneIsAChange() throws Exception {
        Path copy = Files.createDirectory(work.resolve("copy"));
        MergedCopy.copy(lowers, copy, MergedCopy.Contents.COPIED);
        Xattrs.set(copy.resolve("etc/passwd"), "user.note", "x".getBytes(StandardCharsets.US_ASCII));
        Files.setLastModifiedTime(copy.resolve("bin/tool"), FileTime.fromMillis(1_000));
        Path changes = Files.createDirectory(work.resolve("changes"));

        CopyChanges.collect(copy, lowers, changes);

        assertThat(lines(Changes.between(changes, lowers)))
                .containsExactly("C /bin", "C /bin/tool", "C /etc", "C /etc/passwd");
    }

    /** What a container does: every kind of change a layer can carry. */
    private static void act(Path root) throws IOException {
        Files.writeString(root.resolve("new-file"), "new");
        file(root, "new-dir/inner/file", "deep");
        Files.delete(root.resolve("etc/passwd"));
        Files.writeString(root.resolve("var/lib/b"), "b, changed");
        PosixFiles.lchown(root.resolve("var/lib/a"), 2000, 3000);
        PosixFiles.chmod(root.resolve("bin/tool"), 04755);
        FileTrees.delete(root.resolve("tree"));
        FileTrees.delete(root.resolve("opaque-in-top"));
        file(root, "opaque-in-top/after", "after");
        Files.delete(root.resolve("becomes-dir"));
        file(root, "becomes-dir/child", "c");
        FileTrees.delete(root.resolve("becomes-file"));
        Files.writeString(root.resolve("becomes-file"), "now a file");
        Files.delete(root.resolve("bin/link"));
        Files.createSymbolicLink(root.resolve("bin/link"), Path.of("/elsewhere"));
        Files.createLink(root.resolve("hard/three"), root.resolve("hard/one"));
        PosixFiles.mknod(root.resolve("null"), FileStat.S_IFCHR | 0666, PosixFiles.makedev(1, 3));
        Files.delete(root.resolve("fifo"));
    }

    /** The image a layer of {@code changes} on the snapshots makes. */
    private Path merged(Path changes) throws IOException {
        Path image = Files.createDirectory(work.resolve("image-of-" + changes.getFileName()));
        List<Path> stack = new java.util.ArrayList<>(lowers);
        stack.addFirst(changes);
        MergedCopy.copy(stack, image, MergedCopy.Contents.LINKED);
        return image;
    }

    private OverlayMount mount() throws IOException {
        OverlayMount mount = OverlayMount.readOnly(lowers);
        mount.mount(overlayMerged);
        return mount;
    }

    /** Each entry of a tree with what a layer keeps of it but times: type, mode, owner, device, target or contents. */
    private static Map<String, String> entries(Path root) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (var walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                FileStat s = PosixFiles.lstat(path);
                String what = s.isRegularFile() ? sha(Files.readAllBytes(path))
                        : s.isSymbolicLink() ? new String(PosixFiles.readSymbolicLink(path), StandardCharsets.UTF_8)
                        : s.rdevMajor() + "," + s.rdevMinor();
                entries.put(root.relativize(path).toString(), Integer.toOctalString(s.mode()) + " " + s.uid() + ":"
                        + s.gid() + " " + what + " " + Xattrs.list(path).stream().filter(x -> !Whiteouts.isOverlayXattr(x)).sorted().toList());
            }
        }
        return entries;
    }

    /** The layer tar's entries, every header field but times, with a digest of each file's contents. */
    private static Map<String, String> layer(Path upper) throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        new LayerWriter().write(upper, tar);
        Map<String, String> entries = new TreeMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar.toByteArray()))) {
            TarArchiveEntry e;
            while ((e = in.getNextEntry()) != null) {
                entries.put(e.getName(), e.getMode() + " " + e.getLongUserId() + ":" + e.getLongGroupId() + " "
                        + (e.isSymbolicLink() || e.isLink() ? "-> " + e.getLinkName() : sha(in.readAllBytes()))
                        + " " + e.getDevMajor() + "," + e.getDevMinor() + " " + new TreeMap<>(e.getExtraPaxHeaders()));
            }
        }
        return entries;
    }

    private static List<String> without(List<String> lines, String line) {
        return lines.stream().filter(l -> !l.equals(line)).toList();
    }

    private static List<String> lines(List<Change> changes) {
        return changes.stream().map(Change::toString).toList();
    }

    private static Path file(Path dir, String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static void setTime(Path path) {
        try {
            FileStat s = PosixFiles.lstat(path);
            if (!(s.isCharacterDevice() && s.rdevMajor() == 0)) {
                PosixFiles.setTimes(path, 1_700_000_000L, 0);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] capability() {
        byte[] value = new byte[20];
        value[3] = 2; // VFS_CAP_REVISION_2, little-endian
        value[5] = 0x20; // bit 13, CAP_NET_RAW, in the permitted set
        return value;
    }

    private static String sha(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
