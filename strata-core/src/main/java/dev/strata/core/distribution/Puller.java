package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.image.Layer;
import dev.strata.core.image.LocalImage;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.oci.InvalidContentException;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Platform;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.snapshot.Snapshotter;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.PreparedLayers;
import dev.strata.core.store.StoreLock;
import dev.strata.core.store.StoreTransaction;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Pull: the local store as the sink of a registry's image, {@code store.write(registry.read(ref))}. The manifest
 * (an index is resolved to one platform, its digest kept as the RepoDigest) and the config come first; then every
 * layer the store lacks downloads on its own virtual thread, unpacking as its bytes arrive, while the store's
 * transaction stages the layers in order as each one finishes. All or nothing: a failure leaves the store as it was
 * (only resumable partial downloads and already-verified compressed blobs stay). Thread-safe.
 */
public final class Puller {
    private final LocalStore store;
    private final RegistryClient registry;
    private final BlobSources sources;
    private final PartialBlobs partials;
    private final Clock clock;
    private final int concurrentDownloads;

    public Puller(LocalStore store, RegistryClient registry, BlobSources sources, Path partialDirectory, Clock clock,
            int concurrentDownloads) {
        this.store = store;
        this.registry = registry;
        this.sources = sources;
        this.partials = new PartialBlobs(partialDirectory, store.scratch());
        this.clock = clock;
        this.concurrentDownloads = concurrentDownloads;
    }

    /** Pulls one tag or digest ({@code reference} has one) for {@code platform}; {@code tagTime} dates a new tag. */
    public PullResult pull(Reference reference, Platform platform, ProgressListener progress, String tagTime) {
        Reference ref = reference.withDefaultTag();
        String tagOrDigest = ref.digest() != null ? ref.digest().toString() : ref.tag();
        RegistryClient.PullSource source = registry.pullSource(ref, tagOrDigest);
        RemoteRepository repository = source.repository();
        RemoteManifest top = source.manifest();
        progress.onEvent(new Event.Status(tagOrDigest, "Pulling from " + ref.path()));
        RemoteManifest chosen = RemoteImages.manifestFor(repository, top, platform, ref.familiar());
        Manifest manifest = Manifest.parse(chosen.raw());
        byte[] rawConfig = RemoteImages.config(repository, store.content(), manifest.config().digest(),
                manifest.config().size());
        ImageConfig config = ImageConfig.parse(rawConfig);
        List<Digest> diffIds = config.diffIds();
        if (diffIds.size() != manifest.layers().size()) {
            throw new InvalidContentException("cannot pull " + ref.familiar() + ": its manifest lists "
                    + manifest.layers().size() + " layers but its config has " + diffIds.size() + " diffIDs");
        }
        for (Descriptor layer : manifest.layers()) {
            if (!MediaTypes.isLayer(layer.mediaType()) && layer.mediaType() != null) {
                throw new StrataException(StrataException.Kind.UNSUPPORTED, "cannot pull " + ref.familiar()
                        + ": layer " + layer.digest().shortHex() + " has media type " + layer.mediaType()
                        + ", which is no image layer");
            }
        }
        partials.removeAbandoned(clock.instant());
        Digest id = manifest.config().digest();
        boolean newer = !alreadyHere(ref, top.digest(), id);
        try (Downloads downloads = new Downloads(repository, manifest, diffIds, progress)) {
            LocalImage image = new LocalImage(chosen.raw(), manifest, rawConfig, config, downloads.layers());
            try (StoreTransaction tx = store.begin(progress, downloads)) {
                tx.stage(image, ref.digest() == null ? List.of(ref) : List.of(), null);
                tx.commit(tagTime);
            }
        }
        addRepoDigest(id, ref.name() + "@" + top.digest());
        for (int i = 0; i < diffIds.size(); i++) {
            sources.add(diffIds.get(i), manifest.layers().get(i), repository.host() + "/" + repository.path());
        }
        progress.onEvent(new Event.Status(null, "Digest: " + top.digest()));
        return new PullResult(ref, top.digest(), id, newer);
    }

    private boolean alreadyHere(Reference ref, Digest digest, Digest id) {
        ImageIndex.Snapshot index = store.index().read();
        Optional<ImageRecord> current = ref.digest() != null
                ? index.byRepoDigest(ref.name() + "@" + digest) : index.byTag(ref.toString());
        return current.isPresent() && current.get().id().equals(id);
    }

    private void addRepoDigest(Digest id, String repoDigest) {
        try (StoreLock.Held held = store.lock().acquire()) {
            ImageIndex.Snapshot index = store.index().read();
            ImageRecord r = index.byId(id).orElse(null);
            if (r == null || r.repoDigests().contains(repoDigest)) {
                return;
            }
            List<String> digests = new ArrayList<>(r.repoDigests());
            digests.add(repoDigest);
            store.index().write(index.with(new ImageRecord(r.id(), r.manifest(), r.tags(), digests, r.created(),
                    r.size(), r.parent(), r.lastTagTime(), r.labels())));
        }
    }

    /**
     * The downloads of one pull, started at once (at most {@code concurrentDownloads} at a time), and the layers and
     * prepared snapshots the transaction takes from them as they finish. Closing discards what nobody took.
     */
    private final class Downloads implements PreparedLayers, AutoCloseable {
        private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        private final Semaphore slots = new Semaphore(concurrentDownloads);
        private final Map<Digest, Future<LayerDownload.Result>> byDiffId = new LinkedHashMap<>();
        private final Map<Digest, Boolean> taken = new java.util.concurrent.ConcurrentHashMap<>();
        private final List<Layer> layers = new ArrayList<>();

        Downloads(RemoteRepository repository, Manifest manifest, List<Digest> diffIds, ProgressListener progress) {
            List<Digest> chain = ChainId.chain(diffIds);
            Map<Digest, Future<LayerDownload.Result>> byBlob = new LinkedHashMap<>();
            for (int i = 0; i < diffIds.size(); i++) {
                Descriptor blob = manifest.layers().get(i);
                Digest diffId = diffIds.get(i);
                String id = blob.digest().shortHex();
                if (store.snapshots().exists(chain.get(i)) && store.content().exists(diffId)) {
                    progress.onEvent(new Event.Status(id, "Already exists"));
                    layers.add(new PresentLayer(diffId));
                    continue;
                }
                Future<LayerDownload.Result> future = byBlob.get(blob.digest());
                if (future == null) {
                    progress.onEvent(new Event.Status(id, "Pulling fs layer"));
                    LayerDownload download = new LayerDownload(repository, blob, store.content(), store.snapshots(),
                            partials, progress);
                    future = executor.submit(() -> {
                        if (!slots.tryAcquire()) {
                            progress.onEvent(new Event.Status(id, "Waiting"));
                            slots.acquire();
                        }
                        try {
                            LayerDownload.Result result = download.run();
                            progress.onEvent(new Event.Status(id, "Pull complete"));
                            return result;
                        } finally {
                            slots.release();
                        }
                    });
                    byBlob.put(blob.digest(), future);
                }
                byDiffId.putIfAbsent(diffId, future);
                layers.add(new PulledLayer(diffId, future));
            }
        }

        List<Layer> layers() {
            return List.copyOf(layers);
        }

        @Override
        public Optional<Snapshotter.Prepared> take(Digest diffId) {
            Future<LayerDownload.Result> future = byDiffId.get(diffId);
            if (future == null || taken.putIfAbsent(diffId, true) != null) {
                return Optional.empty();
            }
            return Optional.of(await(future).prepared());
        }

        @Override
        public void close() {
            executor.shutdownNow(); // after a success every download is done; after a failure the rest stop
            try {
                executor.close(); // waits for them, so nothing is left half-written
            } finally {
                for (Map.Entry<Digest, Future<LayerDownload.Result>> e : byDiffId.entrySet()) {
                    Future<LayerDownload.Result> f = e.getValue();
                    if (f.state() == Future.State.SUCCESS) {
                        if (!taken.containsKey(e.getKey())) {
                            f.resultNow().prepared().discard();
                        }
                        f.resultNow().plain().discard(); // the transaction linked its own copy
                    }
                }
            }
        }
    }

    static LayerDownload.Result await(Future<LayerDownload.Result> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StrataException s) {
                throw s;
            }
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot pull a layer: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while pulling", e);
        }
    }

    /** A layer being downloaded: the uncompressed tar the download writes, once it is there. */
    private record PulledLayer(Digest diffId, Future<LayerDownload.Result> download) implements Layer {
        @Override
        public Descriptor descriptor() {
            return new Descriptor(MediaTypes.OCI_LAYER, diffId, await(download).plain().size());
        }

        @Override
        public InputStream open() {
            try {
                return java.nio.file.Files.newInputStream(await(download).plain().file());
            } catch (java.io.IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot read layer " + diffId.shortHex(), e);
            }
        }

        @Override
        public Optional<Path> file() {
            return Optional.of(await(download).plain().file());
        }
    }

    /** A layer the store already has: the transaction never opens it. */
    private record PresentLayer(Digest diffId) implements Layer {
        @Override
        public Descriptor descriptor() {
            return new Descriptor(MediaTypes.OCI_LAYER, diffId, 0);
        }

        @Override
        public InputStream open() {
            throw new IllegalStateException("layer " + diffId.shortHex() + " is in the store already");
        }
    }
}
