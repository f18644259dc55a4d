package dev.strata.core.store;

import dev.strata.core.archive.Compression;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.Layer;
import dev.strata.core.oci.Digest;
import dev.strata.core.progress.CountingInputStream;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.Snapshotter;
import dev.strata.core.StrataException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns one layer of any medium into a staged snapshot and a staged uncompressed blob, reading its bytes
 * once. The snapshotter checks the diffID while unpacking, so nothing unverified is ever staged.
 */
final class LayerStager {
    private final LocalStore store;
    private final ProgressListener progress;

    private final PreparedLayers prepared;

    LayerStager(LocalStore store, ProgressListener progress, PreparedLayers prepared) {
        this.store = store;
        this.progress = progress;
        this.prepared = prepared;
    }

    record Result(Snapshotter.Staged snapshot, StagedBlob blob) {}

    Result stage(Digest parentChain, Digest diffId, Layer layer) {
        long total = layer.descriptor().size();
        Optional<Path> file = layer.file();
        if (layer.descriptor().digest().equals(diffId) && file.isPresent()) {
            // Already an uncompressed tar on this machine: unpack it (or take the early unpacking of it), then
            // link it in as the blob.
            Optional<Snapshotter.Prepared> early = prepared.take(diffId);
            Snapshotter.Staged snapshot = early.isPresent()
                    ? store.snapshots().stage(parentChain, diffId, early.get())
                    : store.snapshots().stage(parentChain, diffId,
                            () -> counting(Files.newInputStream(file.get()), diffId, total));
            try {
                return new Result(snapshot, store.content().stageVerifiedFile(file.get(), diffId));
            } catch (RuntimeException e) {
                snapshot.discard();
                throw e;
            }
        }
        // Compressed: unpacked early (then only decompress it into the blob), or decompressed once into the blob
        // while unpacking it.
        Optional<Snapshotter.Prepared> early = prepared.take(layer.descriptor().digest());
        BlobWriter writer = store.content().writer();
        try {
            Snapshotter.Staged snapshot;
            if (early.isPresent()) {
                snapshot = store.snapshots().stage(parentChain, diffId, early.get());
                try (InputStream plain = Compression.decompressing(layer.open())) {
                    plain.transferTo(writer);
                } catch (IOException | RuntimeException e) {
                    snapshot.discard();
                    throw e instanceof RuntimeException r ? r : new StrataException(StrataException.Kind.SYSTEM,
                            "cannot decompress layer " + diffId.shortHex() + ": " + e.getMessage(), e);
                }
            } else {
                snapshot = store.snapshots().stage(parentChain, diffId, () -> writer.teeing(
                        Compression.decompressing(counting(layer.open(), diffId, total))));
            }
            try {
                return new Result(snapshot, writer.stage(diffId, -1));
            } catch (RuntimeException e) {
                snapshot.discard();
                throw e;
            }
        } finally {
            writer.close();
        }
    }

    private InputStream counting(InputStream in, Digest layer, long total) {
        return new CountingInputStream(in, progress, "Loading layer", layer, total);
    }
}
