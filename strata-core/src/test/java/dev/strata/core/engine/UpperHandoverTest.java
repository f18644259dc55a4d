package dev.strata.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.archive.Whiteouts;
import dev.strata.core.container.Container;
import dev.strata.core.container.ContainerPaths;
import dev.strata.core.container.RunOptions;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.overlay.Change;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreLayout;
import dev.strata.core.sys.FileStat;
import dev.strata.core.sys.PosixFiles;
import dev.strata.core.sys.Xattrs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit of a stopped container that takes its upper dir as the new snapshot: what the image and the container
 * hold afterwards, the copy back before the container's file system is used again, and every state a killed commit
 * can leave. Root: whiteouts are character devices and opaque directories carry trusted.* attributes.
 */
@Tag("root")
class UpperHandoverTest {
    @TempDir
    Path root;

    private LocalStore store;
    private Engine engine;

    @BeforeEach
    void setUp() throws Exception {
        store = new LocalStore(new StoreLayout(root));
        engine = new Engine(store, Clock.systemUTC());
        byte[] tar = baseLayer();
        engine.importImage(new ImportRequest(() -> new ByteArrayInputStream(tar), "-", Reference.parse("base:1"),
                List.of("CMD [\"sh\"]"), "", null), ProgressListener.NONE);
    }

    @Test
    void aStoppedContainersUpperDirBecomesTheSnapshotAndComesBackWhole() throws Exception {
        Container c = containerWithChanges("one");
        Map<String, String> before = describe(c.paths().upper());
        List<Change> diffBefore = engine.containers().diff("one");

        Digest id = engine.containers().commit(new CommitRequest("one", Reference.parse("made:1"), "", "", null, true));

        Path snapshot = snapshotOfTopLayer(id);
        assertThat(describe(snapshot)).isEqualTo(before);
        assertThat(Files.list(c.paths().upper()).count()).as("the container keeps an empty upper dir").isZero();
        assertThat(UpperHandover.handedTo(c)).isPresent();
        assertThat(engine.containers().diff("one")).isEqualTo(diffBefore);

        UpperHandover.restore(c, store.snapshots());

        assertThat(describe(c.paths().upper())).isEqualTo(before);
        assertThat(UpperHandover.handedTo(c)).isEmpty();
        assertThat(describe(snapshot)).as("the image's snapshot is untouched by the copy").isEqualTo(before);
        FileStat a = PosixFiles.lstat(c.paths().upper().resolve("app/a.txt"));
        assertThat(a.inode()).as("the copy shares no file with the image")
                .isNotEqualTo(PosixFiles.lstat(snapshot.resolve("app/a.txt")).inode());
        assertThat(a.inode()).as("a hard link inside the layer stays one")
                .isEqualTo(PosixFiles.lstat(c.paths().upper().resolve("app/a-link")).inode());
    }

    @Test
    void theSnapshotOutlivesItsImageWhileTheContainerNeedsIt() throws Exception {
        Container c = containerWithChanges("two");
        Map<String, String> before = describe(c.paths().upper());
        engine.containers().commit(new CommitRequest("two", Reference.parse("made:2"), "", "", null, true));
        Digest chainId = UpperHandover.handedTo(c).orElseThrow();

        engine.remove("made:2", true, true);

        assertThat(store.snapshots().exists(chainId)).isTrue();
        UpperHandover.restore(c, store.snapshots());
        assertThat(describe(c.paths().upper())).isEqualTo(before);
        engine.prune(false); // collects garbage again: nothing needs the snapshot now
        assertThat(store.snapshots().exists(chainId)).isFalse();
    }

    @Test
    void aSecondContainerWithTheSameChangesKeepsItsOwnUpperDir() throws Exception {
        Container first = containerWithChanges("three");
        Container second = containerWithChanges("four");
        copyTimes(first.paths().upper(), second.paths().upper());
        Map<String, String> before = describe(second.paths().upper());
        Digest a = engine.containers().commit(new CommitRequest("three", null, "", "", null, true));
        Digest b = engine.containers().commit(new CommitRequest("four", null, "", "", null, true));

        assertThat(snapshotOfTopLayer(b)).isEqualTo(snapshotOfTopLayer(a));
        assertThat(describe(second.paths().upper())).as("the snapshot existed: the tree went back").isEqualTo(before);
        assertThat(UpperHandover.handedTo(second)).isEmpty();
        assertThat(Files.exists(second.paths().handover())).isFalse();
    }

    @Test
    void everyStateAKilledCommitLeavesIsReadAndUndone() throws Exception {
        Container c = containerWithChanges("five");
        ContainerPaths p = c.paths();
        Map<String, String> before = describe(p.upper());
        Path fs = p.handover().resolve("fs");

        Files.createDirectory(p.handover()); // killed right after making the staging directory
        assertThat(UpperHandover.changes(c, store.snapshots())).isEqualTo(p.upper());
        Files.move(p.upper(), fs, StandardCopyOption.ATOMIC_MOVE); // ... after moving the upper dir
        assertThat(UpperHandover.changes(c, store.snapshots())).isEqualTo(fs);
        Files.createDirectory(p.upper()); // ... after the empty stand-in and the note
        Files.writeString(p.handedTo(), "sha256:" + "ab".repeat(32));
        assertThat(UpperHandover.changes(c, store.snapshots())).isEqualTo(fs);
        assertThat(UpperHandover.possible(c)).isFalse();

        UpperHandover.restore(c, store.snapshots());

        assertThat(describe(p.upper())).isEqualTo(before);
        assertThat(Files.exists(p.handedTo())).isFalse();
        assertThat(Files.exists(p.handover())).isFalse();
        assertThat(UpperHandover.possible(c)).isTrue();
    }

    @Test
    void aCommitOfAHandedOverContainerReadsTheSnapshot() throws Exception {
        Container c = containerWithChanges("six");
        Digest first = engine.containers().commit(new CommitRequest("six", null, "", "", null, true));
        Digest second = engine.containers().commit(new CommitRequest("six", null, "", "", null, true));

        var layers = store.image(engine.resolve(second.toString())).config().diffIds();
        assertThat(layers.getLast()).isEqualTo(store.image(engine.resolve(first.toString())).config().diffIds().getLast());
        assertThat(UpperHandover.handedTo(c)).isPresent();
    }

    private Container containerWithChanges(String name) throws Exception {
        engine.containers().create(new RunOptions("base:1", List.of("true"), name, null, null, null, null, null, null,
                null, null, null, null, false, "none", false, false, false, true, false, null, null), root);
        Container c = engine.containers().find(name);
        Path upper = c.paths().upper();
        Files.createDirectories(upper.resolve("app/sub"));
        Files.writeString(upper.resolve("app/a.txt"), "alpha\n");
        Files.createLink(upper.resolve("app/a-link"), upper.resolve("app/a.txt"));
        Files.writeString(upper.resolve("app/sub/b.bin"), "beta".repeat(1000));
        PosixFiles.chmod(upper.resolve("app/sub/b.bin"), 04755);
        PosixFiles.lchown(upper.resolve("app/sub/b.bin"), 1000, 1000);
        Xattrs.set(upper.resolve("app/sub/b.bin"), "user.note", "kept".getBytes(StandardCharsets.UTF_8));
        PosixFiles.symlink("../etc/hostname".getBytes(StandardCharsets.UTF_8), upper.resolve("app/host"));
        Files.createDirectories(upper.resolve("etc"));
        PosixFiles.mknod(upper.resolve("etc/hostname"), FileStat.S_IFCHR, 0); // a whiteout: deleted from the image
        Files.createDirectories(upper.resolve("opaque"));
        Xattrs.set(upper.resolve("opaque"), Whiteouts.TRUSTED_OPAQUE_XATTR, new byte[] {'y'});
        Files.writeString(upper.resolve("opaque/c.txt"), "gamma\n");
        return c;
    }

    private Path snapshotOfTopLayer(Digest imageId) {
        var image = store.image(engine.resolve(imageId.toString()));
        var chain = dev.strata.core.snapshot.ChainId.chain(image.config().diffIds());
        return store.snapshots().diffDirectory(chain.getLast());
    }

    /** Every entry below {@code dir}: type, mode, owner, size, content, link target, attributes, time. */
    private static Map<String, String> describe(Path dir) throws Exception {
        Map<String, String> out = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = new ArrayList<>(walk.filter(p -> !p.equals(dir)).toList());
        }
        for (Path p : paths) {
            FileStat s = PosixFiles.lstat(p);
            StringBuilder d = new StringBuilder().append(Integer.toOctalString(s.mode())).append(' ').append(s.uid())
                    .append(':').append(s.gid()).append(" rdev=").append(s.rdevMajor()).append(',').append(s.rdevMinor());
            if (s.isRegularFile()) {
                d.append(" links=").append(s.links()).append(" content=").append(Files.readString(p).hashCode());
            } else if (s.isSymbolicLink()) {
                d.append(" -> ").append(new String(PosixFiles.readSymbolicLink(p), StandardCharsets.UTF_8));
            }
            if (!s.isSymbolicLink()) {
                for (String x : Xattrs.list(p)) {
                    d.append(' ').append(x).append('=').append(new String(Xattrs.get(p, x).orElseThrow(), StandardCharsets.UTF_8));
                }
                d.append(" mtime=").append(s.mtimeSeconds());
            }
            out.put(dir.relativize(p).toString(), d.toString());
        }
        return out;
    }

    private static void copyTimes(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                FileStat s = PosixFiles.lstat(p);
                PosixFiles.setTimes(to.resolve(from.relativize(p).toString()), s.mtimeSeconds(), 0);
            }
        }
    }

    private static byte[] baseLayer() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("etc/hostname");
            byte[] content = "base\n".getBytes(StandardCharsets.UTF_8);
            entry.setSize(content.length);
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
