package dev.strata.core.container;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileLocks;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One container's lifecycle lock: start, stop, cleanup and remove of the same container take turns, across
 * strata processes (the monitor's exit command runs in another process). A file lock on
 * {@code containers/<id>/lock}; not reentrant.
 */
public final class ContainerLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private ContainerLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for and takes the lock of the container whose files are {@code paths}. */
    public static ContainerLock acquire(ContainerPaths paths) {
        Path file = paths.dir().resolve("lock");
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                return new ContainerLock(channel, FileLocks.lock(channel));
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new StrataException(StrataException.Kind.NOT_FOUND, "No such container: " + paths.dir().getFileName());
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot lock container " + paths.dir().getFileName()
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}
