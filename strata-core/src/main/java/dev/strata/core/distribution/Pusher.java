package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.image.Layer;
import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Manifest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.LocalStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Push: a registry as the sink of a local image. Each layer, concurrently: a compressed form the registry already
 * has is skipped ({@code HEAD}), one another repository of the same registry has is mounted, else the layer is
 * compressed (once: the compressed blob and its diffID are remembered in {@link BlobSources}) while it is uploaded
 * ({@link LayerUpload}; all layers share one compressing thread per core). Then the
 * config, then the manifest under the tag. Thread-safe.
 */
public final class Pusher {
    private static final int MAX_CANDIDATES = 4;

    private final LocalStore store;
    private final RegistryClient registry;
    private final BlobSources sources;
    private final int compressionLevel;
    private final int concurrentUploads;

    public Pusher(LocalStore store, RegistryClient registry, BlobSources sources, int compressionLevel,
            int concurrentUploads) {
        this.store = store;
        this.registry = registry;
        this.sources = sources;
        this.compressionLevel = compressionLevel;
        this.concurrentUploads = concurrentUploads;
    }

    /** Pushes the stored image as {@code reference} (which has a tag). */
    public PushResult push(Reference reference, StoredImage image, ProgressListener progress) {
        RemoteRepository repository = registry.repository(reference, true);
        String target = repository.host() + "/" + repository.path();
        Map<Digest, Layer> unique = new LinkedHashMap<>();
        for (Layer layer : image.layers()) {
            unique.putIfAbsent(layer.diffId(), layer);
        }
        unique.keySet().forEach(d -> progress.onEvent(new Event.Status(d.shortHex(), "Preparing")));
        Map<Digest, Descriptor> pushed = new LinkedHashMap<>();
        Semaphore slots = new Semaphore(concurrentUploads);
        // compressing is the costly part of a first push: one platform thread per core deflates for every layer
        int cores = Runtime.getRuntime().availableProcessors();
        try (ExecutorService workers = Executors.newFixedThreadPool(cores,
                    Thread.ofPlatform().daemon().name("strata-gzip-", 0).factory());
             ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            LayerCompressor compressor = new LayerCompressor(compressionLevel, workers, cores);
            Map<Digest, Future<Descriptor>> futures = new LinkedHashMap<>();
            for (Layer layer : unique.values()) {
                futures.put(layer.diffId(), executor.submit(() -> {
                    String id = layer.diffId().shortHex();
                    if (!slots.tryAcquire()) {
                        progress.onEvent(new Event.Status(id, "Waiting"));
                        slots.acquire();
                    }
                    try {
                        return pushLayer(repository, target, layer, compressor, executor, progress);
                    } finally {
                        slots.release();
                    }
                }));
            }
            try {
                for (Entry<Digest, Future<Descriptor>> e : futures.entrySet()) {
                    pushed.put(e.getKey(), await(e.getValue()));
                }
            } catch (RuntimeException e) {
                executor.shutdownNow();
                workers.shutdownNow();
                throw e;
            }
        }
        Descriptor config = pushConfig(repository, image);
        List<Descriptor> layers = new ArrayList<>();
        for (Layer layer : image.layers()) {
            layers.add(pushed.get(layer.diffId()));
        }
        Manifest manifest = manifestOf(config, layers);
        byte[] raw = manifest.toJson();
        Digest digest = repository.putManifest(reference.tag(), raw, manifest.mediaType());
        progress.onEvent(new Event.Status(null, reference.tag() + ": digest: " + digest + " size: " + raw.length));
        return new PushResult(reference.tag(), digest, raw.length);
    }

    private Descriptor pushLayer(RemoteRepository repository, String target, Layer layer, LayerCompressor compressor,
            ExecutorService io, ProgressListener progress) {
        String id = layer.diffId().shortHex();
        List<BlobSources.Source> known = sources.of(layer.diffId());
        // 1. a compressed form the registry already has in this repository
        int asked = 0;
        for (BlobSources.Source s : known) {
            if (asked++ >= MAX_CANDIDATES) {
                break;
            }
            if (sameRegistry(repository, s.repository()) && repository.blobSize(s.blob().digest()).isPresent()) {
                progress.onEvent(new Event.Status(id, "Layer already exists"));
                remember(layer, s.blob(), target);
                return s.blob();
            }
        }
        // 2. one another repository of this registry has: mount it
        for (BlobSources.Source s : known) {
            String from = pathOn(repository, s.repository());
            if (from != null && !from.equals(repository.path()) && repository.mount(s.blob().digest(), from)) {
                progress.onEvent(new Event.Status(id, "Mounted from " + from));
                remember(layer, s.blob(), target);
                return s.blob();
            }
        }
        // 3. upload a compressed form this store has, or compress one (once) while uploading it
        Descriptor blob = known.stream().map(BlobSources.Source::blob)
                .filter(b -> isPushable(b) && store.content().exists(b.digest())).findFirst().orElse(null);
        if (blob == null && repository.wantsChunks()) {
            try (java.io.InputStream plain = layer.open()) {
                blob = compressor.compress(plain, store.content());
            } catch (java.io.IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot read layer " + id + ": " + e.getMessage(), e);
            }
            sources.add(layer.diffId(), blob, "");
        }
        if (blob == null) {
            blob = new LayerUpload(repository, layer, store.content(), compressor, progress).run(io);
            progress.onEvent(new Event.Status(id, "Pushed"));
        } else if (repository.blobSize(blob.digest()).isPresent()) {
            progress.onEvent(new Event.Status(id, "Layer already exists"));
        } else {
            long size = blob.size();
            progress.onEvent(new Event.LayerProgress("Pushing", layer.diffId(), 0, size));
            repository.upload(blob.digest(), size, store.content().file(blob.digest()),
                    n -> progress.onEvent(new Event.LayerProgress("Pushing", layer.diffId(), n, size)));
            progress.onEvent(new Event.Status(id, "Pushed"));
        }
        remember(layer, blob, target);
        return blob;
    }

    private void remember(Layer layer, Descriptor blob, String target) {
        sources.add(layer.diffId(), blob, target);
    }

    /** Compressed forms a manifest can carry (not the uncompressed tar the store keeps). */
    private static boolean isPushable(Descriptor blob) {
        String t = blob.mediaType();
        return MediaTypes.DOCKER_LAYER_GZIP.equals(t) || MediaTypes.OCI_LAYER_GZIP.equals(t)
                || MediaTypes.OCI_LAYER_ZSTD.equals(t);
    }

    private static boolean sameRegistry(RemoteRepository repository, String source) {
        return pathOn(repository, source) != null;
    }

    /** The path of a {@code host/path} source on the repository's registry, or null if it is on another. */
    private static String pathOn(RemoteRepository repository, String source) {
        String prefix = repository.host() + "/";
        return source.startsWith(prefix) ? source.substring(prefix.length()) : null;
    }

    private Descriptor pushConfig(RemoteRepository repository, StoredImage image) {
        Digest id = image.id();
        long size = store.content().size(id).orElseThrow();
        if (repository.blobSize(id).isEmpty()) {
            repository.upload(id, size, store.content().file(id), n -> {});
        }
        return new Descriptor(MediaTypes.DOCKER_CONFIG, id, size);
    }

    /**
     * Docker's schema 2 manifest when every layer is gzip (what Docker pushes), else an OCI manifest (zstd layers
     * have no Docker media type).
     */
    static Manifest manifestOf(Descriptor config, List<Descriptor> layers) {
        boolean gzipOnly = layers.stream().allMatch(l -> !MediaTypes.OCI_LAYER_ZSTD.equals(l.mediaType()));
        if (gzipOnly) {
            List<Descriptor> docker = layers.stream()
                    .map(l -> new Descriptor(MediaTypes.DOCKER_LAYER_GZIP, l.digest(), l.size())).toList();
            return new Manifest(2, MediaTypes.DOCKER_MANIFEST, config, docker, Map.of());
        }
        List<Descriptor> oci = layers.stream().map(l -> new Descriptor(MediaTypes.OCI_LAYER_ZSTD.equals(l.mediaType())
                ? MediaTypes.OCI_LAYER_ZSTD : MediaTypes.OCI_LAYER_GZIP, l.digest(), l.size())).toList();
        return Manifest.oci(new Descriptor(MediaTypes.OCI_CONFIG, config.digest(), config.size()), oci);
    }

    private static Descriptor await(Future<Descriptor> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StrataException s) {
                throw s;
            }
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot push a layer: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while pushing", e);
        }
    }
}
