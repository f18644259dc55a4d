package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Compression;
import dev.strata.core.build.ConfigChanges;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.Image;
import dev.strata.core.image.LocalImage;
import dev.strata.core.image.layout.FileLayer;
import dev.strata.core.oci.ContainerConfig;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.Snapshotter;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.PreparedLayers;
import dev.strata.core.store.StoreTransaction;
import java.time.Clock;
import java.util.List;

/** {@code import}: a root filesystem tarball becomes a one-layer image, as {@code docker import} makes it. */
final class Importer {
    private final LocalStore store;
    private final Clock clock;

    Importer(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    Digest run(ImportRequest request, ProgressListener progress) {
        try (PreparedLayers.Given unpacked = new PreparedLayers.Given()) {
            StagedBlob plain = unpackAndStage(request.source(), unpacked);
            try (StoreTransaction tx = store.begin(progress, unpacked)) {
                String now = Times.format(clock.instant());
                String message = request.message() == null || request.message().isEmpty()
                        ? "Imported from " + request.sourceName() : request.message();
                ContainerConfig config = ConfigChanges.apply(ContainerConfig.EMPTY, request.changes());
                Platform platform = request.platform() == null ? Platform.host() : request.platform();
                ImageConfig imageConfig = new ImageConfig(platform.architecture(), null, config, now,
                        List.of(new ImageConfig.History(now, null, null, message, false)), platform.os(),
                        new ImageConfig.RootFs("layers", List.of(plain.digest())), platform.variant(), message, null, null);
                byte[] rawConfig = imageConfig.toJson();
                Descriptor layerBlob = new Descriptor(MediaTypes.OCI_LAYER, plain.digest(), plain.size());
                Manifest manifest = Manifest.oci(
                        new Descriptor(MediaTypes.OCI_CONFIG, Digest.sha256(rawConfig), rawConfig.length), List.of(layerBlob));
                Image image = new LocalImage(manifest.toJson(), manifest, rawConfig, imageConfig,
                        List.of(new FileLayer(layerBlob, plain.digest(), plain.file())));
                Digest id = tx.stage(image, request.reference() == null ? List.of() : List.of(request.reference()), null);
                tx.commit(now);
                return id;
            } finally {
                plain.discard();
            }
        }
    }

    /**
     * Reads the tarball once: its plain bytes go to a staged blob while they are unpacked, and unpacking measures
     * the diffID, which the blob's own digest must equal.
     */
    private StagedBlob unpackAndStage(ImportRequest.Opener source, PreparedLayers.Given unpacked) {
        try (BlobWriter writer = store.content().writer()) {
            Snapshotter.Prepared prepared = store.snapshots().prepare(
                    () -> writer.teeing(Compression.decompressing(source.open())));
            unpacked.put(prepared.diffId(), prepared);
            if (writer.size() == 0) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot import: the tarball is empty");
            }
            return writer.stage(prepared.diffId(), -1);
        }
    }
}
