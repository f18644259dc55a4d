package dev.strata.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.Snapshotter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotPrefetcherTest {
    @TempDir
    Path dir;

    private static byte[] tar(String name, String content) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name);
            entry.setSize(data.length);
            out.putArchiveEntry(entry);
            out.write(data);
            out.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void unpacksTarsEarlyAndHandsThemOverOnce() throws Exception {
        LocalStore store = new LocalStore(new StoreLayout(dir.resolve("root")));
        byte[] layer = tar("hello", "world");
        Path file = dir.resolve("layer.tar");
        Files.write(file, layer);
        Digest digest = Digest.sha256(layer);
        List<Event> events = new CopyOnWriteArrayList<>();
        try (SnapshotPrefetcher prefetcher = new SnapshotPrefetcher(store.snapshots(), 2, events::add)) {
            prefetcher.offer(digest, file, java.util.Arrays.copyOf(layer, 512));
            Snapshotter.Prepared prepared = prefetcher.take(digest).orElseThrow();
            assertThat(prepared.diffId()).isEqualTo(digest);
            assertThat(prefetcher.take(digest)).isEmpty();
            Snapshotter.Staged staged = store.snapshots().stage(null, digest, prepared);
            assertThat(staged.publish()).isTrue();
            assertThat(store.snapshots().diffDirectory(digest).resolve("hello")).hasContent("world");
        }
        // Early unpacking still reports each layer's progress, ending with all of its bytes.
        assertThat(events.getLast()).isEqualTo(new Event.LayerProgress("Loading layer", digest, layer.length, layer.length));
        store.close();
    }

    @Test
    void ignoresFilesThatAreNotLayers() throws Exception {
        LocalStore store = new LocalStore(new StoreLayout(dir.resolve("root")));
        byte[] json = "{\"not\":\"a layer\"}".getBytes(StandardCharsets.UTF_8);
        Path file = dir.resolve("config.json");
        Files.write(file, json);
        try (SnapshotPrefetcher prefetcher = new SnapshotPrefetcher(store.snapshots(), 1, ProgressListener.NONE)) {
            prefetcher.offer(Digest.sha256(json), file, json);
            assertThat(prefetcher.take(Digest.sha256(json))).isEmpty();
        }
        store.close();
    }

    @Test
    void aPreparedLayerWithTheWrongDiffIdIsRefusedAndDiscarded() throws Exception {
        LocalStore store = new LocalStore(new StoreLayout(dir.resolve("root")));
        byte[] layer = tar("a", "b");
        Path file = dir.resolve("layer.tar");
        Files.write(file, layer);
        try (SnapshotPrefetcher prefetcher = new SnapshotPrefetcher(store.snapshots(), 1, ProgressListener.NONE)) {
            prefetcher.offer(Digest.sha256(layer), file, java.util.Arrays.copyOf(layer, 512));
            Snapshotter.Prepared prepared = prefetcher.take(Digest.sha256(layer)).orElseThrow();
            Digest other = Digest.sha256(new byte[] {1});
            assertThatThrownBy(() -> store.snapshots().stage(null, other, prepared))
                    .isInstanceOf(StrataException.class).hasMessageContaining("does not match its diffID");
        }
        try (Stream<Path> left = Files.walk(dir.resolve("root/ingest"))) {
            assertThat(left.filter(p -> p.getFileName().toString().equals("hello") || p.getFileName().toString().equals("a")))
                    .isEmpty();
        }
        store.close();
    }

    @Test
    void unusedWorkIsDiscardedOnClose() throws Exception {
        LocalStore store = new LocalStore(new StoreLayout(dir.resolve("root")));
        byte[] layer = tar("left", "over");
        Path file = dir.resolve("layer.tar");
        Files.write(file, layer);
        try (SnapshotPrefetcher prefetcher = new SnapshotPrefetcher(store.snapshots(), 1, ProgressListener.NONE)) {
            prefetcher.offer(Digest.sha256(layer), file, java.util.Arrays.copyOf(layer, 512));
            Thread.sleep(200);
        }
        try (Stream<Path> left = Files.walk(dir.resolve("root/ingest"))) {
            assertThat(left.filter(p -> p.getFileName().toString().equals("left"))).isEmpty();
        }
        store.close();
    }
}
