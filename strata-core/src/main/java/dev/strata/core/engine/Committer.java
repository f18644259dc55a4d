package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.archive.LayerWriter;
import dev.strata.core.build.ConfigChanges;
import dev.strata.core.container.Container;
import dev.strata.core.container.RunConfig;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.ContainerConfig;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.store.LocalStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code commit}: a container's writable layer becomes the top layer of a new image. The layer tar is made from the
 * overlay upper dir alone (whiteouts turned into {@code .wh.} entries), so the cost follows what the container
 * changed, not the size of its image. A stopped container's upper dir becomes the snapshot itself ({@link
 * UpperHandover}); a running one's is copied, each entry unpacked into the snapshot as it is written to the blob store.
 */
final class Committer {
    private final LocalStore store;
    private final Clock clock;

    Committer(LocalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Commits the locked container's changes ({@link WritableLayer#layer}: under overlay, a stopped one's writable
     * layer becomes the new snapshot without a copy); {@code freeze} pauses a running one around the copy. The base
     * image is read first: it needs no native call, and the first one waits for the warm-up thread's link. Returns the
     * new image's ID.
     */
    Digest commit(Container container, CommitRequest request, Freezer freeze) {
        StoredImage base = baseImage(container);
        String now = Times.format(clock.instant());
        ChildImages.LayerSource changes = WritableLayer.layer(container, topChain(base), new LayerWriter(),
                store.snapshots(), freeze);
        return new ChildImages(store).create(Digest.parse(container.record().imageId()), base, changes,
                diffId -> newConfig(base.config(), container, request, now, diffId),
                request.reference() == null ? List.of() : List.of(request.reference()), now, "commit");
    }

    /** The chain ID of an image's top layer; null for an image without layers. */
    static Digest topChain(StoredImage image) {
        List<Digest> chain = image == null ? List.of() : ChainId.chain(image.config().diffIds());
        return chain.isEmpty() ? null : chain.getLast();
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

    private static ImageConfig newConfig(ImageConfig base, Container container, CommitRequest request, String now,
            Digest diffId) {
        boolean empty = diffId == null;
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
