package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.LayerWriter;
import dev.strata.core.build.ConfigChanges;
import dev.strata.core.container.Container;
import dev.strata.core.container.RunConfig;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.image.Image;
import dev.strata.core.image.Layer;
import dev.strata.core.image.LocalImage;
import dev.strata.core.image.StoredImage;
import dev.strata.core.image.layout.FileLayer;
import dev.strata.core.oci.ContainerConfig;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.Snapshotter;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.PreparedLayers;
import dev.strata.core.store.StoreTransaction;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * {@code commit}: a container's writable layer becomes the top layer of a new image. The layer tar is made from the
 * overlay upper dir alone (whiteouts turned into {@code .wh.} entries), so the cost follows what the container
 * changed, not the size of its image; it is unpacked into its snapshot while it is written to the blob store.
 */
final class Committer {
    /** The diffID of an empty layer tar (1024 zero bytes): Docker records such a commit as an empty layer. */
    static final Digest EMPTY_LAYER =
            Digest.parse("sha256:5f70bf18a086007016e948b04aed3b82103a36bea41755b6cddfaf10ace3c6ef");

    private final LocalStore store;
    private final Clock clock;

    Committer(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Commits the container's changes; {@code freeze} pauses it around the copy. Returns the new image's ID. */
    Digest commit(Container container, CommitRequest request, Freezer freeze) {
        StoredImage base = baseImage(container);
        String now = Times.format(clock.instant());
        try (PreparedLayers.Given unpacked = new PreparedLayers.Given()) {
            StagedBlob layer;
            try (Freezer.Frozen frozen = freeze.freeze()) {
                layer = writeLayer(container.paths().upper(), unpacked);
            }
            try (StoreTransaction tx = store.begin(ProgressListener.NONE, unpacked)) {
                boolean empty = layer.digest().equals(EMPTY_LAYER);
                ImageConfig config = newConfig(base.config(), container, request, now, layer.digest(), empty);
                byte[] rawConfig = config.toJson();
                List<Layer> layers = new ArrayList<>(base.layers());
                List<Descriptor> descriptors = new ArrayList<>(base.manifest().layers());
                if (!empty) {
                    Descriptor blob = new Descriptor(MediaTypes.OCI_LAYER, layer.digest(), layer.size());
                    layers.add(new FileLayer(blob, layer.digest(), layer.file()));
                    descriptors.add(blob);
                }
                Manifest manifest = Manifest.oci(
                        new Descriptor(MediaTypes.OCI_CONFIG, Digest.sha256(rawConfig), rawConfig.length), descriptors);
                Image image = new LocalImage(manifest.toJson(), manifest, rawConfig, config, layers);
                Digest id = tx.stage(image, request.reference() == null ? List.of() : List.of(request.reference()),
                        Digest.parse(container.record().imageId()));
                tx.commit(now);
                return id;
            } finally {
                layer.discard();
            }
        }
    }

    /** Pauses a running container for the length of a commit; a no-op for a stopped one or with {@code -p=false}. */
    interface Freezer {
        Frozen freeze();

        /** Resumes on close. */
        interface Frozen extends AutoCloseable {
            @Override
            void close();
        }

        Freezer NONE = () -> () -> {};
    }

    private StoredImage baseImage(Container container) {
        Digest id = Digest.parse(container.record().imageId());
        var record = store.index().read().byId(id).orElseThrow(() -> new StrataException(StrataException.Kind.NOT_FOUND,
                "cannot commit " + container.name() + ": its image " + id.shortHex() + " is no longer in the store"));
        return store.image(record);
    }

    /** Writes the upper dir as a layer tar into the blob store while a second reader unpacks it into a snapshot. */
    private StagedBlob writeLayer(Path upper, PreparedLayers.Given unpacked) {
        try (BlobWriter writer = store.content().writer(); PipedInputStream in = new PipedInputStream(1 << 16);
                PipedOutputStream out = new PipedOutputStream(in)) {
            FutureTask<Void> producer = new FutureTask<>(() -> {
                try (out) {
                    new LayerWriter().write(upper, out);
                }
                return null;
            });
            Thread.ofVirtual().name("commit-layer").start(producer);
            Snapshotter.Prepared prepared = store.snapshots().prepare(() -> writer.teeing(in));
            finish(producer, prepared);
            unpacked.put(prepared.diffId(), prepared);
            return writer.stage(prepared.diffId(), -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void finish(Future<Void> producer, Snapshotter.Prepared prepared) {
        try {
            producer.get();
        } catch (ExecutionException e) {
            prepared.discard();
            Throwable cause = e.getCause();
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot commit: reading the container's changes failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            prepared.discard();
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot commit: interrupted");
        }
    }

    private static ImageConfig newConfig(ImageConfig base, Container container, CommitRequest request, String now,
            Digest diffId, boolean empty) {
        RunConfig run = container.record().config();
        ContainerConfig config = ConfigChanges.apply(fromRun(run, base.config()), request.changes());
        List<ImageConfig.History> history = new ArrayList<>(base.history());
        String createdBy = run.cmd() == null ? "" : String.join(" ", run.cmd());
        history.add(new ImageConfig.History(now, createdBy, emptyToNull(request.author()),
                emptyToNull(request.message()), empty));
        List<Digest> diffIds = new ArrayList<>(base.rootfs().diffIds());
        if (!empty) {
            diffIds.add(diffId);
        }
        return new ImageConfig(base.architecture(), emptyToNull(request.author()), config, now, history, base.os(),
                new ImageConfig.RootFs("layers", diffIds), base.variant(), emptyToNull(request.message()),
                null, container.record().imageId());
    }

    /** The image config a container's config becomes: Docker keeps the container's view of every field. */
    private static ContainerConfig fromRun(RunConfig run, ContainerConfig image) {
        ContainerConfig.Builder b = image.toBuilder();
        b.user = emptyToNull(run.user());
        b.exposedPorts = run.exposedPorts();
        b.env = run.env().isEmpty() ? null : run.env();
        b.entrypoint = run.entrypoint();
        b.cmd = run.cmd();
        b.volumes = run.volumes();
        b.workingDir = emptyToNull(run.workingDir());
        b.labels = run.labels().isEmpty() ? null : run.labels();
        b.onBuild = run.onBuild();
        b.stopSignal = emptyToNull(run.stopSignal());
        return b.build();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
