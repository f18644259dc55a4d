package dev.strata.core.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

/**
 * Random numbers read from the kernel's {@code /dev/urandom}, the source {@link java.security.SecureRandom}'s
 * default algorithm reads on Linux too, for container IDs and volume names as Docker draws them from the kernel.
 * Not a SecureRandom: making one loads the security providers, some 15 ms of a {@code run} that needs 32 bytes.
 * Thread-safe: each draw opens the device, reads and closes it.
 */
final class KernelRandom implements RandomGenerator {
    private static final Path DEVICE = Path.of("/dev/urandom");

    @Override
    public long nextLong() {
        byte[] bytes = new byte[Long.BYTES];
        nextBytes(bytes);
        return ByteBuffer.wrap(bytes).getLong();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        try (InputStream in = Files.newInputStream(DEVICE)) {
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
                throw new IOException("short read");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read random bytes from " + DEVICE + ": " + e.getMessage(), e);
        }
    }
}
