package dev.strata.core.sys;

import java.io.UncheckedIOException;

/**
 * A terminal that {@link Terminals#rawMode} switched to raw mode; closing it restores the settings it had
 * before. Close it once, from a {@code finally} or try-with-resources, so that the user's shell gets its
 * terminal back even when the command fails.
 */
public final class RawTerminal implements AutoCloseable {
    private final int fd;
    private final byte[] saved;
    private boolean restored;

    RawTerminal(int fd, byte[] saved) {
        this.fd = fd;
        this.saved = saved.clone();
    }

    public int fd() {
        return fd;
    }

    /** Restores the saved settings; a terminal that has gone away (hung up, closed) needs none. */
    @Override
    public synchronized void close() {
        if (restored) {
            return;
        }
        restored = true;
        try {
            Terminals.setAttributes(fd, saved);
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EIO && e.errno() != ErrnoException.EBADF
                    && e.errno() != ErrnoException.ENOTTY) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
