package dev.strata.core.sys;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;

/** Exclusive file locks that wait for every other holder, also one in this process. Stateless. */
public final class FileLocks {
    private FileLocks() {}

    /**
     * Locks the whole file, waiting for other processes as {@link FileChannel#lock()} does, and for another channel of
     * this process on the same file (two engines on one root, as tests make, or two threads on one container), which
     * the JDK reports at once as an {@link OverlappingFileLockException} instead of waiting.
     */
    public static FileLock lock(FileChannel channel) throws IOException {
        while (true) {
            try {
                return channel.lock();
            } catch (OverlappingFileLockException e) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while waiting for a lock",
                            interrupted);
                }
            }
        }
    }
}
