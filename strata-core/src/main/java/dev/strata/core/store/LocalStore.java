package dev.strata.core.store;

import dev.strata.core.archive.LayerApplier;
import dev.strata.core.content.FileContentStore;
import dev.strata.core.content.Scratch;
import dev.strata.core.image.StoredImage;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.DirectorySnapshotter;
import dev.strata.core.snapshot.Snapshotter;

/**
 * The embedded image store under one root: blobs, snapshots and the image index, and the lock that orders
 * their changes. Thread-safe; several processes may open the same root at once.
 */
public final class LocalStore implements AutoCloseable {
    private final StoreLayout layout;
    private final Scratch scratch;
    private final FileContentStore content;
    private final DirectorySnapshotter snapshots;
    private final ImageIndex index;
    private final StoreLock lock;

    public LocalStore(StoreLayout layout) {
        this.layout = layout;
        this.scratch = new Scratch(layout.ingest());
        this.content = new FileContentStore(layout.blobs(), scratch);
        this.snapshots = new DirectorySnapshotter(layout.snapshots(), scratch, LayerApplier::new);
        this.index = new ImageIndex(layout.imageIndex());
        this.lock = new StoreLock(layout.locks().resolve("store.lock"));
    }

    public StoreLayout layout() {
        return layout;
    }

    public FileContentStore content() {
        return content;
    }

    public Snapshotter snapshots() {
        return snapshots;
    }

    public ImageIndex index() {
        return index;
    }

    public StoreLock lock() {
        return lock;
    }

    public Scratch scratch() {
        return scratch;
    }

    /** Starts adding images; see {@link StoreTransaction}. */
    public StoreTransaction begin(ProgressListener progress) {
        return begin(progress, PreparedLayers.NONE);
    }

    /** Starts adding images some of whose layers are already unpacked (or being unpacked). */
    public StoreTransaction begin(ProgressListener progress, PreparedLayers prepared) {
        scratch.removeOrphans();
        return new StoreTransaction(this, progress, prepared);
    }

    /** A prefetcher unpacking into this store's scratch space; close it when the load is done. */
    public SnapshotPrefetcher prefetcher(ProgressListener progress) {
        return new SnapshotPrefetcher(snapshots, Math.max(1, Runtime.getRuntime().availableProcessors()), progress);
    }

    /** Ends this process's use of the store: removes its scratch files and releases its locks. */
    @Override
    public void close() {
        scratch.close();
    }

    /** The image an index record describes, read from the content store. */
    public StoredImage image(ImageRecord record) {
        return StoredImage.read(content, record.manifest());
    }
}
