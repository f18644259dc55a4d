package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.content.DigestMismatchException;
import dev.strata.core.engine.Engine;
import dev.strata.core.engine.PullRequest;
import dev.strata.core.engine.RegistrySettings;
import dev.strata.core.progress.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pulls from a registry that drops connections or lies about its blobs. */
@Tag("root")
class FaultyRegistryTest {
    @TempDir
    Path dir;

    FakeRegistry registry;
    RegistrySettings settings;
    String name;

    @BeforeEach
    void start() throws Exception {
        registry = new FakeRegistry(Fixtures.rootfs("faulty", 3 << 20));
        settings = Fixtures.settings(dir);
        name = registry.host() + "/test/image:latest";
    }

    @AfterEach
    void stop() {
        registry.close();
    }

    private static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.count();
        }
    }

    @Test
    void aDroppedConnectionResumesWithARangeRequest() throws Exception {
        registry.cutBlobs(1, 1 << 20);
        try (Engine engine = Fixtures.engine(dir.resolve("root"))) {
            var result = engine.pull(new PullRequest(name, false, null, settings), ProgressListener.NONE);
            assertThat(result.getFirst().imageId()).isEqualTo(registry.configDigest);
        }
        assertThat(registry.ranges).hasSize(1);
        assertThat(Long.parseLong(registry.ranges.getFirst().replaceAll("\\D", ""))).isPositive();
        assertThat(count(dir.resolve("root/partial"))).isZero();
    }

    @Test
    void aPullThatGaveUpResumesInTheNextProcessFromThePartialFile() throws Exception {
        registry.cutBlobs(100, 128 << 10);
        try (Engine engine = Fixtures.engine(dir.resolve("root"))) {
            assertThatThrownBy(() -> engine.pull(new PullRequest(name, false, null, settings), ProgressListener.NONE))
                    .isInstanceOf(StrataException.class).hasMessageContaining(registry.layerDigest.shortHex());
            assertThat(engine.images(true, List.of())).isEmpty();
        }
        assertThat(count(dir.resolve("root/partial"))).isEqualTo(1);
        registry.ranges.clear();
        registry.cutBlobs(0, 0);
        try (Engine engine = Fixtures.engine(dir.resolve("root"))) {
            var result = engine.pull(new PullRequest(name, false, null, settings), ProgressListener.NONE);
            assertThat(result.getFirst().imageId()).isEqualTo(registry.configDigest);
        }
        assertThat(registry.ranges).hasSize(1);
        assertThat(Long.parseLong(registry.ranges.getFirst().replaceAll("\\D", ""))).isGreaterThan(0);
    }

    @Test
    void aBlobWhoseDigestIsWrongIsRefusedAndTheStoreIsUnchanged() throws Exception {
        registry.lie = true;
        try (Engine engine = Fixtures.engine(dir.resolve("root"))) {
            assertThatThrownBy(() -> engine.pull(new PullRequest(name, false, null, settings), ProgressListener.NONE))
                    .isInstanceOf(DigestMismatchException.class)
                    .hasMessageContaining("expected " + registry.layerDigest);
            assertThat(engine.images(true, List.of())).isEmpty();
            assertThat(engine.store().snapshots().list()).isEmpty();
        }
        assertThat(count(dir.resolve("root/partial"))).isZero();
    }

    @Test
    void malformedReferencesAreRefusedBeforeAnyRequest() throws Exception {
        try (Engine engine = Fixtures.engine(dir.resolve("root"))) {
            assertThatThrownBy(() -> engine.pull(new PullRequest("Bad//Name", false, null, settings), ProgressListener.NONE))
                    .isInstanceOf(StrataException.class).hasMessageStartingWith("invalid reference format");
        }
    }
}
