package dev.strata.core.engine;

import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Reference;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.ImageResolver;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreLock;
import dev.strata.core.store.Tagging;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The engine façade: Docker's verbs on local images, as a library. Every verb is a short composition of the
 * store and the media; nothing here prints (progress goes to the {@link ProgressListener}). Thread-safe.
 */
public final class Engine implements AutoCloseable {
    private final LocalStore store;
    private final Clock clock;
    private Containers containers;
    private dev.strata.core.volume.Volumes volumes;

    private final java.util.function.Supplier<RuntimeSettings> settings;

    public Engine(LocalStore store, Clock clock) {
        this(store, clock, RuntimeSettings.defaults());
    }

    /** An engine whose containers run with these programs and call back with this exit command. */
    public Engine(LocalStore store, Clock clock, RuntimeSettings settings) {
        this(store, clock, () -> settings);
    }

    /**
     * An engine whose runtime settings are worked out only when a container verb first needs them (finding this
     * process's own command line, for the monitor's call-back, is work that listing images should not do).
     */
    public Engine(LocalStore store, Clock clock, java.util.function.Supplier<RuntimeSettings> settings) {
        this.store = store;
        this.clock = clock;
        this.settings = settings;
    }

    public LocalStore store() {
        return store;
    }

    /** The store's volumes ({@code volume create/ls/inspect/rm/prune}), made on first use. */
    public synchronized dev.strata.core.volume.Volumes volumes() {
        if (volumes == null) {
            volumes = new dev.strata.core.volume.Volumes(store.layout().root(), clock, new KernelRandom(),
                    name -> containers().store().list().stream()
                            .filter(c -> c.record().host().mounts().stream()
                                    .anyMatch(m -> "volume".equals(m.type()) && name.equals(m.name())))
                            .map(c -> c.id()).toList());
        }
        return volumes;
    }

    /** Releases the store (scratch files, locks); the engine is unusable afterwards. */
    @Override
    public void close() {
        store.close();
    }

    /** The container verbs; made on first use. */
    public synchronized Containers containers() {
        if (containers == null) {
            containers = new Containers(store, clock, new KernelRandom(), volumes(), settings.get());
        }
        return containers;
    }

    /**
     * {@code build}: builds the Dockerfile ({@code file}, the {@code -f} value or null) of the context named by
     * {@code contextArgument} ({@code PATH}, {@code URL} or {@code -} for a tar on {@code stdin}); returns the image ID.
     * Events and RUN output go to {@code listener}.
     */
    public Digest build(String contextArgument, String file, java.nio.file.Path workingDirectory,
            java.util.function.Supplier<java.io.InputStream> stdin, BuildRequest request,
            dev.strata.core.build.BuildListener listener) {
        return new Builds(store, containers(), clock).build(contextArgument, file, workingDirectory, stdin, request,
                listener);
    }

    /** {@code import}: returns the new image's ID. */
    public Digest importImage(ImportRequest request, ProgressListener progress) {
        return new Importer(store, clock).run(request, progress);
    }

    /** {@code images}: the rows Docker would list, newest first. */
    public List<ImageRow> images(boolean all, List<String> filters) {
        ImageIndex.Snapshot index = store.index().read();
        return ImageLister.rows(index, all, ImageFilter.parse(filters, index));
    }

    /** Finds a local image by name, ID or ID prefix. */
    public ImageRecord resolve(String name) {
        return ImageResolver.resolve(store.index().read(), name);
    }

    /** The ID of the image a name means now, or null when it means none. */
    public String resolveQuietly(String name) {
        return ImageResolver.find(store.index().read(), name).map(r -> r.id().toString()).orElse(null);
    }

    /** {@code image inspect}: Docker's JSON object for one image. */
    public Map<String, Object> inspect(String name) {
        return InspectView.of(store, resolve(name));
    }

    /** {@code history}: newest entry first. */
    public List<HistoryRow> history(String name) {
        ImageIndex.Snapshot index = store.index().read();
        return HistoryBuilder.rows(store, index, ImageResolver.resolve(index, name));
    }

    /** {@code tag SOURCE TARGET}. */
    public void tag(String source, String target) {
        Reference reference = Reference.parse(target).withDefaultTag();
        if (reference.digest() != null) {
            throw new dev.strata.core.StrataException(dev.strata.core.StrataException.Kind.INVALID_ARGUMENT,
                    "refusing to create a tag with a digest reference");
        }
        try (StoreLock.Held held = store.lock().acquire()) {
            ImageIndex.Snapshot index = store.index().read();
            ImageRecord image = ImageResolver.resolve(index, source);
            store.index().write(Tagging.tag(index, image.id(), reference, Times.format(clock.instant())));
        }
    }

    /** {@code rmi NAME}: Docker's {@code Untagged:} and {@code Deleted:} lines. */
    public List<String> remove(String name, boolean force, boolean prune) {
        return new Remover(store, () -> containers().store().list()).remove(name, force, prune);
    }

    /** {@code image prune}: the lines and the bytes reclaimed. */
    public PruneResult prune(boolean all) {
        Remover.PruneReport report = new Remover(store, () -> containers().store().list()).prune(all);
        pruneCacheEntries(false); // the entries of the images just removed
        return new PruneResult(report.lines(), report.reclaimed());
    }

    /**
     * {@code builder prune}: the build cache's entries whose images are gone and the context checksum caches, or
     * with {@code all} every entry (the next build runs every step again). Returns the keys removed and the bytes.
     */
    public dev.strata.core.build.BuildCache.Pruned pruneBuildCache(boolean all) {
        var pruned = pruneCacheEntries(all);
        long checksums = removeTree(store.layout().cache().resolve("checksums"));
        return new dev.strata.core.build.BuildCache.Pruned(pruned.keys(), pruned.bytes() + checksums);
    }

    /** Deletes a directory tree; returns the bytes it held (0 when it did not exist). */
    private static long removeTree(java.nio.file.Path dir) {
        try {
            if (!java.nio.file.Files.exists(dir)) {
                return 0;
            }
            long bytes = dev.strata.core.volume.DirectorySize.of(dir);
            dev.strata.core.content.Scratch.deleteTree(dir);
            return bytes;
        } catch (java.io.IOException e) {
            throw new dev.strata.core.StrataException(dev.strata.core.StrataException.Kind.SYSTEM,
                    "cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The build cache's entries whose images are gone (the index read once), or with {@code all} every one. */
    private dev.strata.core.build.BuildCache.Pruned pruneCacheEntries(boolean all) {
        ImageIndex.Snapshot index = store.index().read();
        return new dev.strata.core.build.BuildCache(store.layout().cache().resolve("build"))
                .prune(id -> index.byId(id).isPresent(), all);
    }

    /** What prune did. */
    public record PruneResult(List<String> lines, long reclaimed) {}

    /** {@code save}: writes a docker-archive tarball of the named images. */
    public void save(List<String> names, java.io.OutputStream out) {
        new ArchiveTransfer(store, clock).save(names, out);
    }

    /** {@code load}: adds the images of a docker-archive or OCI archive tarball. */
    public List<LoadedImage> load(java.io.InputStream in, ProgressListener progress) {
        return new ArchiveTransfer(store, clock).load(in, progress);
    }

    /** {@code system df}. */
    public DiskUsage diskUsage() {
        List<dev.strata.core.container.Container> all = containers().list(true, List.of(), 0);
        List<DiskUsage.VolumeUsage> volumeUsages = volumes().list(List.of()).stream().map(v -> {
            int links = (int) all.stream().filter(c -> c.record().host().mounts().stream()
                    .anyMatch(m -> "volume".equals(m.type()) && v.name().equals(m.name()))).count();
            return new DiskUsage.VolumeUsage(v.name(), links, DiskUsageCalculator.treeSize(v.mountpoint()));
        }).toList();
        return DiskUsageCalculator.compute(store, store.index().read(), all, volumeUsages);
}

    /** {@code pull}: one tag or digest, or with {@code allTags} every tag of the repository. */
    public List<dev.strata.core.distribution.PullResult> pull(PullRequest request, ProgressListener progress) {
        return registries(request.settings()).pull(request, progress);
    }

    /** {@code push}: one tag, or with {@code allTags} every local tag of the repository. */
    public List<dev.strata.core.distribution.PushResult> push(PushRequest request, ProgressListener progress) {
        return registries(request.settings()).push(request, progress);
    }

    /** {@code login}: checks the credentials against the registry, then stores them as Docker does. */
    public LoginResult login(String server, dev.strata.core.distribution.AuthConfig auth, RegistrySettings settings) {
        return registries(settings).login(server, auth);
    }

    /** The login stored for a server ({@link dev.strata.core.distribution.AuthConfig#NONE} if none). */
    public dev.strata.core.distribution.AuthConfig storedLogin(String server, RegistrySettings settings) {
        return registries(settings).storedLogin(server);
    }

    /** {@code logout}: forgets the server's login; false if there was none. */
    public boolean logout(String server, RegistrySettings settings) {
        return registries(settings).logout(server);
    }

    /** {@code search}: repositories of Docker Hub, or of the registry {@code HOST/TERM} names, matching the term. */
    public List<dev.strata.core.distribution.SearchResult> search(SearchRequest request) {
        return registries(request.settings()).search(request);
    }

    /** Parses a {@code --platform} value ({@code linux/amd64}, {@code linux/arm/v7}). */
    public static dev.strata.core.oci.Platform parsePlatform(String text) {
        return Registries.platform(text);
    }

    private Registries registries(RegistrySettings settings) {
        return new Registries(store, clock, settings, dev.strata.core.distribution.Transport.standard());
    }
}
