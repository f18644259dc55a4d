package dev.strata.core.image.dockerarchive;

import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.NamedImage;
import dev.strata.core.oci.Digest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The images of a read archive, whose blobs are staged in the content store's ingest area but not yet visible.
 *
 * <p>Each image's manifest is synthesised: an OCI manifest with the config descriptor and one descriptor per layer
 * blob as the archive holds it. A layer's {@code descriptor().mediaType()} is what its bytes are: a plain tar
 * ({@code application/vnd.oci.image.layer.v1.tar}, digest already checked equal to its diffID) or, when the archive
 * held a compressed layer as Docker allows, {@code …tar+gzip} or {@code …tar+zstd}: the loader must then
 * decompress it, check the result against {@code diffId()}, store the plain tar and rewrite the manifest, because
 * the local store keeps only plain tars. {@code Layer.file()} is the staged file, readable until
 * {@link #publish()} or {@link #close()}.
 *
 * <p>{@link #publish()} moves exactly the configs and layers the images need into the store (never the archive's
 * other files); the caller writes the manifests ({@code rawManifest()}) itself. {@link #close()} discards whatever
 * was not published, so a failed load leaves nothing behind. Not thread-safe.
 */
public final class LoadedArchive implements AutoCloseable {
    private final List<NamedImage> images;
    private final List<StagedBlob> needed;
    private final ArchiveContents contents;
    private final Set<StagedBlob> published = Collections.newSetFromMap(new IdentityHashMap<>());
    private boolean closed;

    LoadedArchive(Selection selection, ArchiveContents contents) {
        this.images = selection.images();
        this.needed = selection.needed();
        this.contents = contents;
    }

    /** The images, in the archive's order, each with the tags the archive gives it (possibly none). */
    public List<NamedImage> images() {
        return images;
    }

    /** Publishes the configs and layers of every image (each digest once) and returns their digests. */
    public List<Digest> publish() {
        if (closed) {
            throw new IllegalStateException("archive already closed");
        }
        Map<Digest, StagedBlob> distinct = new LinkedHashMap<>();
        for (StagedBlob blob : needed) {
            distinct.putIfAbsent(blob.digest(), blob);
        }
        for (StagedBlob blob : distinct.values()) {
            if (published.add(blob)) {
                blob.publish();
            }
        }
        return new ArrayList<>(distinct.keySet());
    }

    /** Discards every staged file that was not published. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            contents.discardExcept(published);
        }
    }
}
