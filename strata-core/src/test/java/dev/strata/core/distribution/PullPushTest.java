package dev.strata.core.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.engine.Engine;
import dev.strata.core.engine.PullRequest;
import dev.strata.core.engine.PushRequest;
import dev.strata.core.engine.RegistrySettings;
import dev.strata.core.oci.Digest;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.ImageRecord;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Push to and pull from the CNCF Distribution registry, without auth. */
@Tag("root")
class PullPushTest {
    @TempDir
    Path dir;

    RegistryServer registry;
    RegistrySettings settings;

    @BeforeEach
    void start() throws Exception {
        registry = RegistryServer.start(dir.resolve("registry"), null);
        settings = Fixtures.settings(dir);
    }

    @AfterEach
    void stop() throws Exception {
        registry.close();
    }

    private static List<String> statuses(List<Event> events) {
        return events.stream().filter(e -> e instanceof Event.Status).map(e -> {
            Event.Status s = (Event.Status) e;
            return s.id() == null ? s.status() : s.id() + ": " + s.status();
        }).toList();
    }

    @Test
    void pushThenPullGivesTheSameImageAndASecondPushSendsNothing() throws Exception {
        String name = registry.host() + "/test/busybox:1";
        Digest id;
        try (Engine source = Fixtures.engine(dir.resolve("a"))) {
            id = Fixtures.importImage(source, Fixtures.rootfs("one", 1 << 20), name);
            List<Event> events = new CopyOnWriteArrayList<>();
            var pushed = source.push(new PushRequest(name, false, settings), events::add);
            assertThat(pushed).hasSize(1);
            assertThat(statuses(events)).contains("The push refers to repository [" + registry.host() + "/test/busybox]")
                    .anyMatch(s -> s.endsWith(": Pushed"))
                    .contains("1: digest: " + pushed.getFirst().digest() + " size: " + pushed.getFirst().size());

            List<Event> again = new CopyOnWriteArrayList<>();
            var second = source.push(new PushRequest(name, false, settings), again::add);
            assertThat(second.getFirst().digest()).isEqualTo(pushed.getFirst().digest());
            assertThat(statuses(again)).anyMatch(s -> s.endsWith(": Layer already exists")).noneMatch(s -> s.endsWith(": Pushed"));
            assertThat(again).noneMatch(e -> e instanceof Event.LayerProgress);
        }
        try (Engine target = Fixtures.engine(dir.resolve("b"))) {
            List<Event> events = new CopyOnWriteArrayList<>();
            var pulled = target.pull(new PullRequest(name, false, null, settings), events::add);
            assertThat(pulled.getFirst().imageId()).isEqualTo(id);
            assertThat(pulled.getFirst().newer()).isTrue();
            assertThat(statuses(events)).contains("1: Pulling from test/busybox").anyMatch(s -> s.endsWith(": Pull complete"))
                    .contains("Digest: " + pulled.getFirst().digest());
            ImageRecord record = target.resolve(name);
            assertThat(record.id()).isEqualTo(id);
            assertThat(record.repoDigests()).containsExactly(registry.host() + "/test/busybox@" + pulled.getFirst().digest());
            var again = target.pull(new PullRequest(name, false, null, settings), ProgressListener.NONE);
            assertThat(again.getFirst().newer()).isFalse();
        }
    }

    @Test
    void unknownTagIsDockersManifestUnknownAndLeavesTheStoreUnchanged() throws Exception {
        try (Engine engine = Fixtures.engine(dir.resolve("a"))) {
            assertThatThrownBy(() -> engine.pull(new PullRequest(registry.host() + "/nothing/here:nope", false, null,
                    settings), ProgressListener.NONE))
                    .isInstanceOf(RegistryException.class)
                    .hasMessage("manifest for " + registry.host() + "/nothing/here:nope not found: manifest unknown: manifest unknown")
                    .extracting(e -> ((StrataException) e).kind()).isEqualTo(StrataException.Kind.NOT_FOUND);
            assertThat(engine.images(true, List.of())).isEmpty();
        }
    }
}
