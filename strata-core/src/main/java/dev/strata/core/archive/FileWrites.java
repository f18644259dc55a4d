package dev.strata.core.archive;

import dev.strata.core.sys.FileTrees;

import dev.strata.core.sys.ErrnoException;
import dev.strata.core.sys.NewFile;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Phaser;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Creates small regular files on a few threads while the caller goes on parsing the tar stream: most of
 * a large layer's cost is the kernel's work per file, and that work runs in parallel (a small layer's files
 * are all written by the caller: the threads start only after the first few thousand). The caller keeps the
 * order safe: it creates parent directories before submitting, and calls {@link #awaitAll()} before
 * anything that could change a path a pending file goes through (replacing, removing, hard-linking to
 * it). Content waiting to be written is bounded. Used by one parsing thread.
 */
final class FileWrites implements AutoCloseable {
    /** Files up to this size are buffered and written in parallel; larger ones stream in the caller's thread. */
    static final int MAX_BUFFERED_FILE = 1 << 20;
    private static final int PERMIT = 4096;
    /** 64 MiB of content in flight; also keeps the pending tasks far below the Phaser's 65535 parties. */
    private static final int BUDGET_PERMITS = (64 << 20) / PERMIT;

    private final int threads;
    private final int serialFiles;
    private int smallFiles;
    /** Made when the first file is handed over, which is after {@code serialFiles} small ones; null before. */
    private ExecutorService workers;
    private final Attributes attributes;
    private final Semaphore budget = new Semaphore(BUDGET_PERMITS);
    private final Phaser inFlight = new Phaser(1);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Set<String> pending = new HashSet<>();

    /**
     * @param threads how many writer threads; below 2 nothing is parallel and {@link #takes} is always false
     * @param serialFiles how many small files the caller writes itself before the threads start
     */
    FileWrites(int threads, int serialFiles, Attributes attributes) {
        this.threads = threads;
        this.serialFiles = serialFiles;
        this.attributes = attributes;
    }

    /**
     * Whether a new file of this size is to be {@link #submit}ted rather than written by the caller: a small one,
     * once the layer has had more than {@code serialFiles} of them (the threads start then).
     */
    boolean takes(long size) {
        if (threads < 2 || size > MAX_BUFFERED_FILE || ++smallFiles <= serialFiles) {
            return false;
        }
        if (workers == null) {
            workers = Executors.newFixedThreadPool(threads,
                    Thread.ofPlatform().name("strata-layer-writer-", 0).daemon().factory());
        }
        return true;
    }

    /** True if a file is queued or being written at {@code clean} since the last {@link #awaitAll()}. */
    boolean isPending(String clean) {
        return !pending.isEmpty() && pending.contains(clean);
    }

    /**
     * Queues the creation of {@code path} with this content and the entry's attributes. Whatever is at
     * the path must be unknown to this apply (something this layer made is replaced by the caller).
     */
    void submit(String clean, Path path, TarEntry entry, byte[] content) throws IOException {
        rethrow();
        int permits = content.length / PERMIT + 1;
        try {
            budget.acquire(permits);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing the layer");
        }
        pending.add(clean);
        inFlight.register();
        workers.execute(() -> {
            try {
                if (failure.get() == null) {
                    write(path, entry, content);
                }
            } catch (Throwable t) {
                failure.compareAndSet(null, t);
            } finally {
                budget.release(permits);
                inFlight.arriveAndDeregister();
            }
        });
    }

    /** Waits until every queued file is written; rethrows the first failure. */
    void awaitAll() throws IOException {
        if (workers == null) {
            return;
        }
        inFlight.arriveAndAwaitAdvance();
        pending.clear();
        rethrow();
    }

    private void write(Path path, TarEntry entry, byte[] content) throws IOException {
        try (NewFile file = create(path)) {
            file.write(content, 0, content.length);
            attributes.apply(file, entry);
        }
    }

    /** Creates the file, first removing what was there before this layer (no pending file lies below it). */
    static NewFile create(Path path) throws IOException {
        try {
            return NewFile.create(path);
        } catch (ErrnoException e) {
            if (e.errno() != ErrnoException.EEXIST) {
                throw e;
            }
        }
        FileTrees.delete(path);
        return NewFile.create(path);
    }

    private void rethrow() throws IOException {
        Throwable t = failure.get();
        switch (t) {
            case null -> { }
            case IOException e -> throw e;
            case RuntimeException e -> throw e;
            case Error e -> throw e;
            default -> throw new IOException(t);
        }
    }

    /** Waits for the queued files (their failures are dropped: close follows success or another failure). */
    @Override
    public void close() {
        if (workers != null) {
            workers.close();
        }
    }
}
