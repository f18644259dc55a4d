package dev.strata.core.store;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileLocks;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The store's write lock: a file lock, so strata processes sharing a root take turns, plus an in-process
 * lock, so threads of one process do too. Held only for the short publish or delete step of an operation;
 * readers never take it because every file they read is replaced by rename. Thread-safe.
 */
public final class StoreLock {
    private final Path file;
    private final ReentrantLock local = new ReentrantLock();

    public StoreLock(Path file) {
        this.file = file;
    }

    /** Takes the lock, waiting for other processes; close the result to release it. */
    public Held acquire() {
        local.lock();
        try {
            Files.createDirectories(file.getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new Held(channel, FileLocks.lock(channel));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (IOException e) {
            local.unlock();
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot lock the store at " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            local.unlock();
            throw e;
        }
    }

    /** A held lock. */
    public final class Held implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        private Held(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() {
            try {
                lock.release();
                channel.close();
            } catch (IOException e) {
                // closing the channel releases the lock in any case
            } finally {
                local.unlock();
            }
        }
    }
}
