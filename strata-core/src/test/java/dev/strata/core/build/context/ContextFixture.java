package dev.strata.core.build.context;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A context directory made file by file, and a content opener that counts the bytes it hands out. */
final class ContextFixture {
    final Path root;
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong filesOpened = new AtomicLong();

    ContextFixture(Path root) {
        this.root = root;
    }

    ContextFixture file(String path, String content) {
        return file(path, content, "rw-r--r--");
    }

    ContextFixture file(String path, String content, String permissions) {
        try {
            Path file = root.resolve(path);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content, StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContextFixture dir(String path) {
        try {
            Files.createDirectories(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ContextFixture symlink(String path, String target) {
        try {
            Path link = root.resolve(path);
            Files.createDirectories(link.getParent());
            Files.createSymbolicLink(link, Path.of(target));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts every byte read for hashing. */
    ContentOpener countingOpener() {
        return file -> {
            filesOpened.incrementAndGet();
            ReadableByteChannel channel = ContentOpener.FILES.open(file);
            return new ReadableByteChannel() {
                @Override
                public int read(ByteBuffer dst) throws IOException {
                    int n = channel.read(dst);
                    if (n > 0) {
                        bytesRead.addAndGet(n);
                    }
                    return n;
                }

                @Override
                public boolean isOpen() {
                    return channel.isOpen();
                }

                @Override
                public void close() throws IOException {
                    channel.close();
                }
            };
        };
    }

    /** A clock an hour ahead, so that no file of the test is too fresh to be remembered. */
    static Clock later() {
        return Clock.fixed(Instant.now().plus(Duration.ofHours(1)), ZoneOffset.UTC);
    }

    ContextChecksums checksums(BuildContext context, Path cacheDir) {
        return ContextChecksums.open(context, cacheDir, countingOpener(), later());
    }
}
