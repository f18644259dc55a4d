package dev.strata.core.content;

import dev.strata.core.StrataException;
import dev.strata.core.sys.FileTrees;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This process's private corner of the store's {@code ingest/} directory, for files and directories that are
 * being written and are not yet published. The corner is locked for the life of the process, so another
 * strata process can tell a live corner from one left by a killed process and remove only the latter.
 * Thread-safe.
 */
public final class Scratch implements AutoCloseable {
    private static final String LOCK = ".lock";

    private final Path ingestRoot;
    private final AtomicLong counter = new AtomicLong();
    private Path session;
    private FileChannel lockChannel;

    public Scratch(Path ingestRoot) {
        this.ingestRoot = ingestRoot;
    }

    /** A fresh, not yet existing path inside this process's corner. */
    public synchronized Path newPath(String prefix) {
        return session().resolve(prefix + "-" + counter.incrementAndGet());
    }

    /** A fresh, empty directory inside this process's corner. */
    public Path newDirectory(String prefix) {
        Path dir = newPath(prefix);
        try {
            Files.createDirectory(dir);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot create scratch directory " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private Path session() {
        if (session == null) {
            try {
                Files.createDirectories(ingestRoot);
                // The PID names the live process; the suffix only tells it from an orphan of an earlier process
                // with the same PID, so it need not be secure (a UUID's SecureRandom costs ~10 ms on a cold JVM).
                Path dir = ingestRoot.resolve(ProcessHandle.current().pid() + "-"
                        + Integer.toHexString(ThreadLocalRandom.current().nextInt()));
                Files.createDirectory(dir);
                lockChannel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lockChannel.lock();
                session = dir;
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot create ingest directory under " + ingestRoot + ": " + e.getMessage(), e);
            }
        }
        return session;
    }

    /** Releases this process's corner and deletes whatever is still in it. */
    @Override
    public synchronized void close() {
        if (session == null) {
            return;
        }
        try {
            lockChannel.close();
            deleteTree(session);
        } catch (IOException e) {
            // the next strata command removes it as an orphan
        }
        session = null;
    }

    /** Removes the corners of processes that are gone (their lock is free). Safe to run at any time. */
    public void removeOrphans() {
        if (!Files.isDirectory(ingestRoot)) {
            return;
        }
        try (DirectoryStream<Path> corners = Files.newDirectoryStream(ingestRoot)) {
            for (Path corner : corners) {
                if (!corner.equals(session) && isAbandoned(corner)) {
                    deleteTree(corner);
                }
            }
        } catch (IOException e) {
            // best effort: a later start tries again
        }
    }

    private static boolean isAbandoned(Path corner) {
        Path lock = corner.resolve(LOCK);
        if (!Files.exists(lock)) {
            return Files.isDirectory(corner);
        }
        try (FileChannel channel = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock held = channel.tryLock();
            if (held == null) {
                return false;
            }
            held.release();
            return true;
        } catch (IOException | OverlappingFileLockException e) {
            return false;
        }
    }

    /** Deletes a tree without following symbolic links. */
    public static void deleteTree(Path root) throws IOException {
        FileTrees.delete(root);
    }
}
