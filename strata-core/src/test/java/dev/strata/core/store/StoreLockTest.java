package dev.strata.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreLockTest {
    @TempDir
    Path dir;

    @Test
    void twoLocksOfOneProcessOnOneFileTakeTurnsInsteadOfFailing() throws Exception {
        Path file = dir.resolve("locks/store.lock");
        StoreLock first = new StoreLock(file);
        StoreLock second = new StoreLock(file);
        AtomicBoolean firstReleased = new AtomicBoolean();

        CompletableFuture<Boolean> secondTook;
        try (StoreLock.Held held = first.acquire()) {
            secondTook = CompletableFuture.supplyAsync(() -> {
                try (StoreLock.Held other = second.acquire()) {
                    return firstReleased.get();
                }
            });
            Thread.sleep(100);
            assertThat(secondTook).as("waits while the first lock is held").isNotDone();
            firstReleased.set(true);
        }
        assertThat(secondTook.get(10, TimeUnit.SECONDS)).as("took the lock only after its release").isTrue();
    }
}
