package dev.strata.core.build;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {
    @TempDir
    Path dir;

    private static Digest image(String seed) {
        return Digest.sha256(seed.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordedStepIsFoundByItsKeyAndOnlyByIt() {
        BuildCache cache = new BuildCache(dir.resolve("build"));
        CacheKey run = CacheKey.on(image("base")).add("/bin/sh -c echo hi").build();
        CacheKey other = CacheKey.on(image("base")).add("/bin/sh -c echo ho").build();
        assertThat(cache.find(run)).isEmpty();
        cache.record(run, image("child"));
        assertThat(cache.find(run)).contains(image("child"));
        assertThat(cache.find(other)).isEmpty();
        assertThat(new BuildCache(dir.resolve("build")).find(run)).as("another process sees it").contains(image("child"));
        assertThat(cache.prune(id -> true, false).keys()).as("an entry whose image exists stays").isEmpty();
        assertThat(cache.prune(id -> !id.equals(image("child")), false).keys()).containsExactly(run);
        assertThat(cache.find(run)).isEmpty();
    }

    @Test
    void keysDifferWhenAnyPartOrItsBoundaryDiffers() {
        Digest base = image("base");
        assertThat(CacheKey.on(base).add("ab").add("c").build()).isNotEqualTo(CacheKey.on(base).add("a").add("bc").build());
        assertThat(CacheKey.on(base).add("x").build()).isNotEqualTo(CacheKey.on(image("other")).add("x").build());
        assertThat(CacheKey.on(null).add("x").build()).isNotEqualTo(CacheKey.on(base).add("x").build());
        assertThat(CacheKey.on(base).add("x").build()).isEqualTo(CacheKey.on(base).add("x").build());
    }

    @Test
    void aDamagedEntryIsAMissAndIsReplacedByTheNextRecord() throws Exception {
        BuildCache cache = new BuildCache(dir);
        CacheKey key = CacheKey.on(null).add("COPY file:abc in /").build();
        Files.writeString(dir.resolve(key.hex()), "sha256:12");
        assertThat(cache.find(key)).isEmpty();
        cache.record(key, image("fixed"));
        assertThat(cache.find(key)).contains(image("fixed"));
    }

    @Test
    void concurrentRecordsOfOneKeyLeaveOneWholeEntry() throws Exception {
        BuildCache cache = new BuildCache(dir);
        CacheKey key = CacheKey.on(null).add("RUN x").build();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Digest id = image("writer " + i);
            threads.add(Thread.ofPlatform().start(() -> {
                for (int round = 0; round < 50; round++) {
                    cache.record(key, id);
                    assertThat(cache.find(key)).isPresent();
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        assertThat(cache.find(key)).isPresent();
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly(key.hex());
        }
    }
}
