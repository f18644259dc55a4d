package dev.strata.registry.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Garbage collection running without pause (grace period zero: every unreferenced blob is fair game at once)
 * while many clients push images, some of them the same image: afterwards every stored manifest's blobs exist.
 * A push may be told MANIFEST_BLOB_UNKNOWN (its layers were collected before its manifest came) but never succeed
 * with a blob missing.
 */
class ConcurrentGcTest {
    @TempDir
    Path root;

    @Test
    void collectorNeverLeavesAStoredManifestWithoutItsBlobs() throws Exception {
        try (RegistryStore store = RegistryStore.open(root, Clock.systemUTC())) {
            GarbageCollector gc = new GarbageCollector(store);
            AtomicBoolean pushing = new AtomicBoolean(true);
            AtomicInteger stored = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            AtomicInteger collections = new AtomicInteger();
            ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
            Future<?> collector = pool.submit(() -> {
                while (pushing.get()) {
                    gc.collect(Duration.ZERO, Duration.ofHours(1));
                    collections.incrementAndGet();
                }
            });
            List<Future<?>> pushers = new ArrayList<>();
            for (int client = 0; client < 8; client++) {
                int c = client;
                pushers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        RepositoryName repo = new RepositoryName("repo" + (c % 3));
                        String seed = "image" + (i % 5); // clients push the same images at the same time
                        try {
                            byte[] manifest = RegistryStoreTest.manifestOf(store, repo, seed);
                            store.putManifest(repo, "t" + c + "-" + i, List.of(), manifest,
                                    RegistryStoreTest.OCI_MANIFEST, n -> true);
                            stored.incrementAndGet();
                        } catch (RegistryException e) {
                            assertThat(e.code()).isEqualTo(ErrorCode.MANIFEST_BLOB_UNKNOWN);
                            refused.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> pusher : pushers) {
                pusher.get();
            }
            pushing.set(false);
            collector.get();
            pool.shutdown();

            assertThat(stored.get()).isPositive();
            assertThat(collections.get()).isPositive();
            for (String name : store.repositoryNames()) {
                RepositoryName repo = new RepositoryName(name);
                for (String tag : store.tags(repo)) {
                    StoredManifest m = store.manifest(repo, tag).orElseThrow();
                    assertThat(store.blobs().exists(m.digest())).isTrue();
                    m.facts().references().forEach(d -> assertThat(store.blobs().exists(d)).as("blob %s of %s", d, tag).isTrue());
                }
            }
            // one more collection with nothing running deletes nothing that a manifest uses
            gc.collect(Duration.ZERO, Duration.ofHours(1));
            for (String name : store.repositoryNames()) {
                RepositoryName repo = new RepositoryName(name);
                for (String tag : store.tags(repo)) {
                    store.manifest(repo, tag).orElseThrow().facts().references()
                            .forEach(d -> assertThat(store.blobSize(repo, d)).isPresent());
                }
            }
        }
    }
}
