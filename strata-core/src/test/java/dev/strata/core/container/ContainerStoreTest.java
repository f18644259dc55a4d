package dev.strata.core.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.core.store.StoreLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerStoreTest {
    @TempDir
    Path root;

    ContainerStore store;

    @BeforeEach
    void setUp() {
        store = new ContainerStore(root.resolve("containers"), new StoreLock(root.resolve("locks/store.lock")));
    }

    static ContainerRecord record(String id, String name, String created) {
        RunConfig config = RunConfigs.merge(dev.strata.core.oci.ContainerConfig.EMPTY,
                RunOptions.of("busybox", List.of("sh")), id.substring(0, 12), List.of(), List.of());
        return new ContainerRecord(id, name, created, "busybox", "sha256:" + "e".repeat(64),
                List.of(Digest.sha256(new byte[0])), "sh", List.of(), config,
                new HostSettings(List.of(), List.of(), false, "none", false, false));
    }

    static String id(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void createdContainerIsFoundByIdNameAndPrefix() {
        ContainerPaths paths = store.create(record(id('a'), "web", "2026-01-01T00:00:00Z"), ContainerState.created(),
                p -> Files.createDirectory(p.upper()));

        assertThat(paths.upper()).isDirectory();
        assertThat(store.find("web").id()).isEqualTo(id('a'));
        assertThat(store.find("/web").id()).isEqualTo(id('a'));
        assertThat(store.find("aaaa").id()).isEqualTo(id('a'));
        assertThat(store.find(id('a')).state().status()).isEqualTo(ContainerState.Status.created);
        assertThat(root.resolve("containers")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
    }

    @Test
    void unknownAndAmbiguousNamesAreRefused() {
        store.create(record("ab" + "0".repeat(62), "one", "2026-01-01T00:00:00Z"), ContainerState.created(), p -> {});
        store.create(record("ac" + "0".repeat(62), "two", "2026-01-01T00:00:01Z"), ContainerState.created(), p -> {});

        assertThatThrownBy(() -> store.find("nothing")).hasMessage("No such container: nothing")
                .extracting(e -> ((StrataException) e).kind()).isEqualTo(StrataException.Kind.NOT_FOUND);
        assertThatThrownBy(() -> store.find("a")).hasMessageContaining("multiple containers found");
        assertThat(store.list()).extracting(Container::name).containsExactly("two", "one");
    }

    @Test
    void aTakenNameIsAConflictAndLeavesNothingBehind() {
        store.create(record(id('a'), "web", "2026-01-01T00:00:00Z"), ContainerState.created(), p -> {});

        assertThatThrownBy(() -> store.create(record(id('b'), "web", "2026-01-01T00:00:01Z"), ContainerState.created(),
                p -> {})).hasMessageContaining("The container name \"/web\" is already in use by container \"" + id('a'));
        assertThat(store.list()).hasSize(1);
        assertThat(root.resolve("containers")).isDirectoryNotContaining(p -> p.getFileName().toString().startsWith("."));
    }

    @Test
    void concurrentCreatesOfOneNameLetExactlyOneWin() throws Exception {
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new java.util.ArrayList<>();
        for (char c : "bcdef".toCharArray()) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    start.await();
                    store.create(record(id(c), "same", "2026-01-01T00:00:00Z"), ContainerState.created(), p -> {});
                } catch (Throwable t) {
                    failures.add(t);
                }
            }));
        }
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertThat(store.list()).hasSize(1);
        assertThat(failures).hasSize(4).allMatch(t -> t.getMessage().contains("already in use"));
    }

    @Test
    void renameChecksTheNewNameAndStateIsReplacedWhole() {
        store.create(record(id('a'), "one", "2026-01-01T00:00:00Z"), ContainerState.created(), p -> {});
        store.create(record(id('b'), "two", "2026-01-01T00:00:01Z"), ContainerState.created(), p -> {});

        assertThatThrownBy(() -> store.rename(id('a'), "two")).hasMessageContaining("already in use");
        assertThatThrownBy(() -> store.rename(id('a'), "bad name")).hasMessageContaining("Invalid container name");
        store.rename(id('a'), "three");
        store.writeState(id('a'), ContainerState.created().running(42, 41, 0, "2026-01-01T00:00:02Z", java.util.List.of()));

        Container renamed = store.find("three");
        assertThat(renamed.id()).isEqualTo(id('a'));
        assertThat(renamed.state().status()).isEqualTo(ContainerState.Status.running);
        assertThat(renamed.state().pid()).isEqualTo(42);
    }

    @Test
    void removedContainerIsGone() {
        store.create(record(id('a'), "one", "2026-01-01T00:00:00Z"), ContainerState.created(),
                p -> Files.writeString(Files.createDirectories(p.upper()).resolve("f"), "x"));

        store.remove(id('a'));

        assertThat(store.list()).isEmpty();
        assertThat(root.resolve("containers")).isEmptyDirectory();
    }

    @Test
    void theNextCreateRemovesWhatKilledProcessesLeftButNotWhatALiveOneIsMaking() throws Exception {
        Path containers = Files.createDirectories(root.resolve("containers"));
        Path removal = Files.createDirectories(containers.resolve(".removing-" + id('a')).resolve("upper"));
        Files.writeString(removal.resolve("f"), "x");
        // above the kernel's largest PID (2^22), so never a live process
        Path abandoned = Files.createDirectories(containers.resolve(".new-4194305-" + id('b')).resolve("upper"));
        Path live = Files.createDirectory(containers.resolve(".new-" + ProcessHandle.current().pid() + "-" + id('c')));

        store.create(record(id('d'), "fresh", "2026-01-01T00:00:00Z"), ContainerState.created(), p -> {});

        assertThat(containers.resolve(".removing-" + id('a'))).doesNotExist();
        assertThat(abandoned.getParent()).doesNotExist();
        assertThat(live).isDirectory();
        assertThat(store.list()).extracting(Container::name).containsExactly("fresh");
    }
}
