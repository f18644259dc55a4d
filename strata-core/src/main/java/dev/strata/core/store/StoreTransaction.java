package dev.strata.core.store;

import dev.strata.core.StrataException;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.snapshot.SnapshotInfo;
import dev.strata.core.snapshot.Snapshotter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds images to the local store all at once or not at all. {@link #stage} does the slow part (unpacking
 * layers, writing blobs) outside any lock and publishes nothing; {@link #commit} takes the store lock and
 * publishes snapshots, blobs and index entries by rename. Closing an uncommitted transaction discards
 * everything it staged. Not thread-safe.
 */
public final class StoreTransaction implements AutoCloseable {
    private final LocalStore store;
    private final ProgressListener progress;
    private final LayerStager layerStager;
    private final Map<Digest, Snapshotter.Staged> snapshots = new LinkedHashMap<>();
    private final Map<Digest, StagedBlob> blobs = new LinkedHashMap<>();
    private final Map<Digest, Long> layerSizes = new LinkedHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private boolean committed;

    StoreTransaction(LocalStore store, ProgressListener progress, PreparedLayers prepared) {
        this.store = store;
        this.progress = progress;
        this.layerStager = new LayerStager(store, progress, prepared);
    }

    private record Pending(ImageRecord record, List<Digest> chain, List<Reference> tags) {}

    /** Stages one image from any medium; returns the image ID. */
    public Digest stage(Image image, List<Reference> tags, Digest parent) {
        ImageConfig config = image.config();
        List<Digest> diffIds = config.diffIds();
        List<Layer> layers = image.layers();
        if (layers.size() != diffIds.size()) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot add image: it has " + layers.size()
                    + " layers but its config lists " + diffIds.size() + " diffIDs");
        }
        List<Digest> chain = ChainId.chain(diffIds);
        List<Descriptor> localLayers = new ArrayList<>();
        long size = 0;
        for (int i = 0; i < layers.size(); i++) {
            Digest chainId = chain.get(i);
            Digest parentChain = i == 0 ? null : chain.get(i - 1);
            Digest diffId = diffIds.get(i);
            long layerSize = stageLayer(chainId, parentChain, diffId, layers.get(i));
            size += layerSize;
            localLayers.add(new Descriptor(MediaTypes.OCI_LAYER, diffId, blobSize(diffId)));
        }
        byte[] rawConfig = image.rawConfig();
        Digest id = stageBytes(rawConfig);
        byte[] rawManifest =
                Manifest.oci(new Descriptor(MediaTypes.OCI_CONFIG, id, rawConfig.length), localLayers).toJson();
        Digest manifest = stageBytes(rawManifest);
        ImageRecord record = new ImageRecord(id, manifest, List.of(), List.of(), config.created(), size, parent,
                null, config.config().labels());
        pending.add(new Pending(record, chain, List.copyOf(tags)));
        return id;
    }

    private long stageLayer(Digest chainId, Digest parentChain, Digest diffId, Layer layer) {
        Snapshotter.Staged staged = snapshots.get(chainId);
        if (staged != null) {
            return staged.info().size();
        }
        Optional<SnapshotInfo> existing = store.snapshots().info(chainId);
        if (existing.isPresent() && (blobs.containsKey(diffId) || store.content().exists(diffId))) {
            progress.onEvent(new Event.LayerExists(diffId));
            return existing.get().size();
        }
        LayerStager.Result result = layerStager.stage(parentChain, diffId, layer);
        snapshots.put(chainId, result.snapshot());
        blobs.putIfAbsent(diffId, result.blob());
        layerSizes.put(diffId, result.blob().size());
        return result.snapshot().info().size();
    }

    private long blobSize(Digest digest) {
        Long staged = layerSizes.get(digest);
        return staged != null ? staged : store.content().size(digest).orElseThrow();
    }

    private Digest stageBytes(byte[] bytes) {
        Digest digest = Digest.sha256(bytes);
        if (!blobs.containsKey(digest)) {
            try (BlobWriter writer = store.content().writer()) {
                writer.write(bytes);
                blobs.put(digest, writer.stage(digest, bytes.length));
            }
        }
        return digest;
    }

    /** Publishes everything staged and tags the images; returns their records as now indexed. */
    public List<ImageRecord> commit(String tagTime) {
        List<ImageRecord> results = new ArrayList<>();
        try (StoreLock.Held held = store.lock().acquire()) {
            for (Snapshotter.Staged snapshot : snapshots.values()) {
                snapshot.publish();
            }
            for (Pending p : pending) {
                for (Digest chainId : p.chain()) {
                    if (!store.snapshots().exists(chainId)) {
                        throw new StrataException(StrataException.Kind.CONFLICT, "cannot add image "
                                + p.record().id().shortHex() + ": layer " + chainId.shortHex()
                                + " was removed by another strata command meanwhile; try again");
                    }
                }
            }
            for (StagedBlob blob : blobs.values()) {
                blob.publish();
            }
            ImageIndex.Snapshot index = store.index().read();
            for (Pending p : pending) {
                index = Tagging.addImage(index, p.record(), p.tags(), tagTime);
                results.add(index.byId(p.record().id()).orElseThrow());
            }
            store.index().write(index);
            committed = true;
        }
        return results;
    }

    @Override
    public void close() {
        if (!committed) {
            snapshots.values().forEach(Snapshotter.Staged::discard);
            blobs.values().forEach(StagedBlob::discard);
        }
    }
}
