package dev.strata.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.registry.TestRegistry;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage on its own: what survives a restart, deduplication, the single-owner lock. */
class RegistryStoreTest {
    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final RepositoryName APP = new RepositoryName("team/app");

    @TempDir
    Path root;

    static Digest push(RegistryStore store, RepositoryName name, byte[] content) {
        Upload upload = store.uploads().start(name, "sha256");
        upload.append(ByteBuffer.wrap(content), Clock.systemUTC().instant());
        Digest digest = Digest.sha256(content);
        store.finishUpload(upload, digest);
        return digest;
    }

    static byte[] manifestOf(RegistryStore store, RepositoryName name, String seed) {
        byte[] config = ("{\"seed\":\"" + seed + "\"}").getBytes(StandardCharsets.UTF_8);
        byte[] layer = ("layer " + seed).getBytes(StandardCharsets.UTF_8);
        Digest c = push(store, name, config);
        Digest l = push(store, name, layer);
        return TestRegistry.imageManifest(c, config.length, List.of(l), List.of((long) layer.length), "");
    }

    @Test
    void everythingSurvivesARestart() {
        byte[] manifest;
        Digest digest;
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            manifest = manifestOf(store, APP, "a");
            digest = store.putManifest(APP, "v1", List.of(), manifest, OCI_MANIFEST, n -> true).digest();
        }
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            StoredManifest found = store.manifest(APP, "v1").orElseThrow();
            assertThat(found.digest()).isEqualTo(digest);
            assertThat(store.bytes(found)).isEqualTo(manifest);
            assertThat(store.tags(APP)).containsExactly("v1");
            assertThat(store.repositoryNames()).containsExactly("team/app");
            assertThat(store.references).containsKey(digest);
        }
    }

    @Test
    void sameBlobInTwoRepositoriesIsStoredOnce() throws Exception {
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            byte[] content = "shared".getBytes(StandardCharsets.UTF_8);
            push(store, APP, content);
            push(store, new RepositoryName("other"), content);
            try (var files = Files.list(root.resolve("blobs/sha256"))) {
                assertThat(files.count()).isEqualTo(1);
            }
            assertThat(store.blobSize(new RepositoryName("other"), Digest.sha256(content))).hasValue(6);
        }
    }

    @Test
    void secondServerOnTheSameStorageIsRefused() {
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            assertThatThrownBy(() -> RegistryStore.open(root, Clock.systemUTC()))
                    .isInstanceOf(StrataException.class).hasMessageContaining("another registry server");
        }
    }

    @Test
    void uploadsInProgressAreClearedAtStart() throws Exception {
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            store.uploads().start(APP, "sha256").append(ByteBuffer.wrap(new byte[10]), Clock.systemUTC().instant());
        }
        Files.writeString(root.resolve("ingest/left-by-a-killed-server"), "partial");
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            try (var files = Files.list(root.resolve("ingest"))) {
                assertThat(files.toList()).isEmpty();
            }
        }
    }

    @Test
    void garbageCollectionKeepsReferencedAndRecentBlobs() {
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            byte[] manifest = manifestOf(store, APP, "kept");
            store.putManifest(APP, "v1", List.of(), manifest, OCI_MANIFEST, n -> true);
            Digest loose = push(store, APP, "loose".getBytes(StandardCharsets.UTF_8));
            GarbageCollector gc = new GarbageCollector(store);

            GcReport young = gc.collect(Duration.ofHours(1), Duration.ofHours(1));
            assertThat(young.blobsDeleted()).isZero();

            GcReport old = gc.collect(Duration.ZERO.minusMillis(0), Duration.ofHours(1));
            assertThat(old.blobsDeleted()).isEqualTo(1);
            assertThat(store.blobs().exists(loose)).isFalse();
            assertThat(store.blobSize(APP, loose)).isEmpty();
            assertThat(old.linksRemoved()).isEqualTo(1);
            StoredManifest kept = store.manifest(APP, "v1").orElseThrow();
            kept.facts().references().forEach(d -> assertThat(store.blobs().exists(d)).isTrue());
            assertThat(store.blobs().exists(kept.digest())).isTrue();
        }
    }

    @Test
    void deletedManifestReleasesItsBlobs() {
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            byte[] manifest = manifestOf(store, APP, "gone");
            Digest digest = store.putManifest(APP, "v1", List.of(), manifest, OCI_MANIFEST, n -> true).digest();
            store.deleteManifest(APP, digest);
            GcReport report = new GarbageCollector(store).collect(Duration.ZERO, Duration.ofHours(1));
            assertThat(report.blobsDeleted()).isEqualTo(3); // config, layer, manifest
            assertThat(store.manifest(APP, digest.toString())).isEmpty();
            assertThatThrownBy(() -> store.tags(new RepositoryName("nothing"))).isInstanceOf(RegistryException.class);
        }
    }

    @Test
    void manifestPushAfterItsBlobWasCollectedIsRefusedNotDangling() {
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            byte[] manifest = manifestOf(store, APP, "late");
            new GarbageCollector(store).collect(Duration.ZERO, Duration.ofHours(1));
            assertThatThrownBy(() -> store.putManifest(APP, "v1", List.of(), manifest, OCI_MANIFEST, n -> true))
                    .isInstanceOf(RegistryException.class).hasMessageContaining("push those first");
            assertThat(store.manifest(APP, "v1")).isEqualTo(Optional.empty());
        }
    }
}
