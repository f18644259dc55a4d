package dev.strata.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.container.ContainerRecord;
import dev.strata.core.container.ContainerStore;
import dev.strata.core.container.RunOptions;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCreatorTest {
    @TempDir
    Path root;

    /** Always the same name (its draws are constant) but a new ID each time (its bytes count up). */
    private static final class SameNameRandom implements RandomGenerator {
        private byte next;

        @Override
        public long nextLong() {
            return 7;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            java.util.Arrays.fill(bytes, ++next);
        }
    }

    @Test
    void aGeneratedNameThatIsTakenIsDrawnAgainWhileAGivenOneIsRefused() throws Exception {
        LocalStore store = new LocalStore(new StoreLayout(root));
        Engine engine = new Engine(store, Clock.systemUTC());
        byte[] tar = rootfs();
        engine.importImage(new ImportRequest(() -> new ByteArrayInputStream(tar), "-", Reference.parse("img:1"),
                List.of("CMD [\"sh\"]"), "", null), ProgressListener.NONE);
        ContainerStore containers = new ContainerStore(root.resolve("containers"), store.lock());
        ContainerCreator creator = new ContainerCreator(store, containers, Clock.systemUTC(), new SameNameRandom());
        ImageRecord image = ImageResolver.resolve(store.index().read(), "img:1");
        var stored = store.image(image);
        var plan = new ContainerCreator.HostPlan(List.of(), List.of(), List.of(), List.of(), "none");

        ContainerRecord first = creator.create(RunOptions.of("img:1", List.of()), image, stored, plan, StorageDriver.OVERLAY);
        ContainerRecord second = creator.create(RunOptions.of("img:1", List.of()), image, stored, plan, StorageDriver.OVERLAY);

        assertThat(second.name()).startsWith(first.name()).isNotEqualTo(first.name());
        assertThat(containers.list()).extracting(c -> c.name()).containsExactlyInAnyOrder(first.name(), second.name());
        RunOptions named = new RunOptions("img:1", List.of(), first.name(), null, null, null, null, null, null, null,
                null, null, null, false, null, false, false, false, true, false, null, null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> creator.create(named, image, stored, plan, StorageDriver.OVERLAY))
                .hasMessageContaining("The container name \"/" + first.name() + "\" is already in use");
    }

    private static byte[] rootfs() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("etc/hostname");
            byte[] content = "test\n".getBytes();
            entry.setSize(content.length);
            out.putArchiveEntry(entry);
            out.write(content);
            out.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }
}
