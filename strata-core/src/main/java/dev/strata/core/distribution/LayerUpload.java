package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.FileContentStore;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.Layer;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Pushes a layer that has no compressed form yet: compresses it once and, while the compressed bytes are made,
 * sends them to the registry (a streamed upload) and writes them into the content store (for the next push), so
 * the bytes are hashed once and never read back. A registry that refuses the streamed upload gets the finished
 * blob from the store the ordinary way. Not thread-safe: one layer, one call.
 */
final class LayerUpload {
    /** Compressed bytes that may wait for the connection before compressing pauses. */
    private static final long PIPE_BYTES = 8 << 20;
    private static final long PROGRESS_STEP = 512 << 10;

    private final RemoteRepository repository;
    private final Layer layer;
    private final FileContentStore content;
    private final LayerCompressor compressor;
    private final ProgressListener progress;

    LayerUpload(RemoteRepository repository, Layer layer, FileContentStore content, LayerCompressor compressor,
            ProgressListener progress) {
        this.repository = repository;
        this.layer = layer;
        this.content = content;
        this.compressor = compressor;
        this.progress = progress;
    }

    /**
     * Compresses and uploads the layer; {@code io} runs the request while this thread compresses. Returns the
     * compressed blob, which is in the content store afterwards (also when the upload failed).
     */
    Descriptor run(ExecutorService io) {
        String id = layer.diffId().shortHex();
        long plainSize = layer.descriptor().size();
        StreamedUpload upload = repository.startUpload("layer " + id);
        BlobPipe pipe = new BlobPipe(PIPE_BYTES);
        Future<?> sending = io.submit(() -> {
            try {
                upload.send(pipe.input());
            } finally {
                pipe.abandon(); // whatever happened, compressing must not wait for this request any more
            }
            return null;
        });
        Descriptor blob;
        long[] reported = {0};
        progress.onEvent(new Event.LayerProgress("Pushing", layer.diffId(), 0, plainSize));
        try (BlobWriter writer = content.writer()) {
            compressor.compress(layer.open(), (bytes, offset, length) -> {
                writer.write(bytes, offset, length);
                pipe.offer(bytes, offset, length);
            }, n -> {
                if (n - reported[0] >= PROGRESS_STEP) {
                    reported[0] = n;
                    progress.onEvent(new Event.LayerProgress("Pushing", layer.diffId(), n, plainSize));
                }
            });
            pipe.close();
            StagedBlob staged = writer.stage(null, -1);
            blob = new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, staged.digest(), staged.size());
            staged.publish();
        } catch (IOException | RuntimeException e) {
            pipe.fail(e instanceof IOException io1 ? io1 : new IOException(e.getMessage(), e));
            sent(sending);
            upload.cancel();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot compress layer " + id + ": "
                    + e.getMessage(), e);
        }
        if (sent(sending)) {
            upload.finish(blob.digest());
        } else {
            // the registry would not take the stream (or the connection broke): send the stored blob instead
            upload.cancel();
            if (repository.blobSize(blob.digest()).isEmpty()) {
                repository.upload(blob.digest(), blob.size(), content.file(blob.digest()), n -> {});
            }
        }
        progress.onEvent(new Event.LayerProgress("Pushing", layer.diffId(), plainSize, plainSize));
        return blob;
    }

    /** Waits for the streamed request; whether the registry took every byte. */
    private static boolean sent(Future<?> sending) {
        try {
            sending.get();
            return true;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while pushing", e);
        }
    }
}
