package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.EntryMirror;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.LocalImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.image.layout.FileLayer;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.Snapshotter;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.PreparedLayers;
import dev.strata.core.store.StoreTransaction;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes an image from another one: the base's layers, perhaps one new layer on top, and a new config. What
 * {@code commit} does with a container's changes and what a build step does with a RUN's changes, a COPY's files
 * or a metadata instruction. The new layer's tar is written into the blob store while each entry is also unpacked
 * into its snapshot as it is written (an {@link EntryMirror}), so the tar is never read back; a layer equal to the
 * empty tar is recorded as an empty layer, as Docker does.
 */
final class ChildImages {
    /** The diffID of an empty layer tar (1024 zero bytes). */
    static final Digest EMPTY_LAYER =
            Digest.parse("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");

    /**
     * Writes a layer tar to the stream it is given (and does not close it), with a {@link dev.strata.core.archive.TarWriter}
     * that passes its entries to {@code mirror}.
     */
    interface LayerProducer {
        void write(OutputStream out, EntryMirror mirror) throws IOException;
    }

    /**
     * Makes the new layer: stages its blob and puts its unpacked snapshot into {@code unpacked} under the blob's
     * digest (none for the empty layer); {@code what} names the operation in errors.
     */
    interface LayerSource {
        StagedBlob make(LocalStore store, PreparedLayers.Given unpacked, String what);
    }

    /** A layer {@code producer} writes, unpacked as it is written. */
    static LayerSource written(LayerProducer producer) {
        return (store, unpacked, what) -> writeLayer(store, producer, unpacked, what);
    }

    /** The child's config, given the diffID of its new layer, or null when it has none (or an empty one). */
    interface ConfigMaker {
        ImageConfig make(Digest newDiffId);
    }

    private final LocalStore store;

    ChildImages(LocalStore store) {
        this.store = store;
    }

    /**
     * Stores the child of {@code base}, whose ID is {@code baseId} (both null: {@code FROM scratch}), with the layer
     * {@code source} makes (null: none; {@link #written} from a writer) and the config {@code configMaker} makes,
     * tagged with {@code tags}; returns its ID. {@code what} names the operation in errors ("commit", "build step 3").
     */
    Digest create(Digest baseId, StoredImage base, LayerSource source, ConfigMaker configMaker, List<Reference> tags,
            String created, String what) {
        try (PreparedLayers.Given unpacked = new PreparedLayers.Given()) {
            StagedBlob layer = source == null ? null : source.make(store, unpacked, what);
            try (StoreTransaction tx = store.begin(ProgressListener.NONE, unpacked)) {
                boolean hasLayer = layer != null && !layer.digest().equals(EMPTY_LAYER);
                ImageConfig config = configMaker.make(hasLayer ? layer.digest() : null);
                byte[] rawConfig = config.toJson();
                List<Layer> layers = new ArrayList<>(base == null ? List.of() : base.layers());
                List<Descriptor> descriptors = new ArrayList<>(base == null ? List.of() : base.manifest().layers());
                if (hasLayer) {
                    Descriptor blob = new Descriptor(MediaTypes.OCI_LAYER, layer.digest(), layer.size());
                    layers.add(new FileLayer(blob, layer.digest(), layer.file()));
                    descriptors.add(blob);
                }
                Manifest manifest = Manifest.oci(
                        new Descriptor(MediaTypes.OCI_CONFIG, Digest.sha256(rawConfig), rawConfig.length), descriptors);
                Image image = new LocalImage(manifest.toJson(), manifest, rawConfig, config, layers);
                Digest id = tx.stage(image, tags, baseId);
                tx.commit(created);
                return id;
            } finally {
                if (layer != null) {
                    layer.discard();
                }
            }
        }
    }

    private static StagedBlob writeLayer(LocalStore store, LayerProducer producer, PreparedLayers.Given unpacked,
            String what) {
        StagedBlob[] blob = new StagedBlob[1];
        try (BlobWriter writer = store.content().writer()) {
            Snapshotter.Prepared prepared = store.snapshots().prepareWritten(mirror -> {
                producer.write(writer, mirror);
                blob[0] = writer.stage(null, -1);
                return blob[0].digest();
            });
            unpacked.put(prepared.diffId(), prepared);
            return blob[0];
        } catch (IOException | RuntimeException e) {
            if (blob[0] != null) {
                blob[0].discard();
            }
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot " + what + ": writing the new layer failed: " + e.getMessage(), e);
        }
    }
}
