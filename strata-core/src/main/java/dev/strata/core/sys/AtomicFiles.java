package dev.strata.core.sys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces small files whole or not at all: the bytes go to a temporary sibling, are flushed to disk, and one
 * rename puts them in place, so a reader sees the old content or the new, never a part. Stateless.
 */
public final class AtomicFiles {
    /** How the names of the temporary files begin, so that the leftovers of a killed process can be told apart. */
    public static final String TEMPORARY_PREFIX = ".tmp-";

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    private AtomicFiles() {}

    /** Writes {@code bytes} to {@code target}, replacing what is there; the temporary file never outlives the call. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path temp = createSibling(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Creates a new empty file in {@code target}'s directory, readable and writable by its owner only, under a name
     * no other writer uses ({@link #TEMPORARY_PREFIX} and a random suffix; created exclusively, drawn again if
     * taken). {@link Files#createTempFile} does the same but first makes a SecureRandom, some 10 ms of a command
     * on a cold JVM; these names need to be unique, not unguessable.
     */
    public static Path createSibling(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        while (true) {
            Path temp = dir.resolve(TEMPORARY_PREFIX + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                Files.newByteChannel(temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY)
                        .close();
                return temp;
            } catch (FileAlreadyExistsException e) {
                // another writer's file: draw another name
            }
        }
    }
}
