package dev.strata.registry.storage;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.ManifestFacts;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import dev.strata.registry.spec.Tags;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The registry's storage on one filesystem root: {@code blobs/} (content-addressed, shared by all repositories),
 * {@code ingest/} (uploads in progress), {@code repositories/<name>/} (links, manifests, tags; see
 * {@link Repository}). Everything a request reads is in memory, loaded at {@link #open}; every change is written to
 * disk (staged, fsynced, renamed) before it is made visible in memory. One server owns a root at a time (a file
 * lock). Operations that make a blob referenced (finishing an upload, mounting, pushing a manifest) hold the
 * shared side of the collection lock; the garbage collector takes the exclusive side to delete a blob, after
 * checking again that nothing references it. Thread-safe.
 */
public final class RegistryStore implements AutoCloseable {
    /** The largest manifest accepted: the spec asks registries to take at least 4 MB. */
    public static final int MAX_MANIFEST_BYTES = 4 << 20;
    /** Manifest bytes kept in memory at most; past it they are read from their blobs. */
    private static final long CACHE_BUDGET = 256L << 20;

    final BlobStore blobs;
    final Clock clock;
    final ConcurrentSkipListMap<String, Repository> repositories = new ConcurrentSkipListMap<>();
    /** How many manifests (in any repository) reference each digest, the manifests' own digests included. */
    final ConcurrentHashMap<Digest, Integer> references = new ConcurrentHashMap<>();
    final ReentrantReadWriteLock collectionLock = new ReentrantReadWriteLock();
    private final Path repositoriesDir;
    private final Uploads uploads;
    private final AtomicLong cachedBytes = new AtomicLong();
    private final FileChannel lockChannel;

    private RegistryStore(Path root, Clock clock, FileChannel lockChannel) {
        this.clock = clock;
        this.blobs = new BlobStore(root, clock);
        this.uploads = new Uploads(blobs, clock);
        this.repositoriesDir = root.resolve("repositories");
        this.lockChannel = lockChannel;
    }

    /** Opens (creating if needed) the storage at {@code root} and loads its repositories. */
    public static RegistryStore open(Path root, Clock clock) {
        FileChannel channel;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw BlobStore.failure("open the registry storage " + root, e);
        }
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new OverlappingFileLockException();
            }
        } catch (IOException | OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new StrataException(StrataException.Kind.CONFLICT, "cannot open the registry storage " + root
                    + ": another registry server is using it; stop it or choose another storage directory");
        }
        RegistryStore store = new RegistryStore(root, clock, channel);
        try {
            store.blobs.clearIngest();
            store.load();
        } catch (IOException e) {
            store.close();
            throw BlobStore.failure("load the registry storage " + root, e);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private void load() throws IOException {
        if (!Files.isDirectory(repositoriesDir)) {
            return;
        }
        List<Path> dirs;
        try (Stream<Path> walk = Files.walk(repositoriesDir)) {
            dirs = walk.filter(p -> p.getFileName().toString().equals("_blobs")
                    || p.getFileName().toString().equals("_manifests") || p.getFileName().toString().equals("_tags"))
                    .map(Path::getParent).distinct().toList();
        }
        for (Path dir : dirs) {
            String name = repositoriesDir.relativize(dir).toString().replace(dir.getFileSystem().getSeparator(), "/");
            if (RepositoryName.isValid(name)) {
                loadRepository(new RepositoryName(name), dir);
            }
        }
    }

    private void loadRepository(RepositoryName name, Path dir) throws IOException {
        Repository repo = new Repository(name, dir);
        repo.blobs.addAll(repo.readBlobLinks());
        for (Map.Entry<Digest, String> link : repo.readManifestLinks().entrySet()) {
            Digest digest = link.getKey();
            if (!blobs.exists(digest)) {
                continue; // its bytes are gone: the manifest is not there
            }
            byte[] bytes = blobs.read(digest);
            ManifestFacts facts;
            try {
                facts = ManifestFacts.parse(bytes, link.getValue());
            } catch (RegistryException e) {
                continue; // accepted by an older version with other rules: not served
            }
            addManifest(repo, digest, link.getValue(), bytes, facts);
        }
        for (Map.Entry<String, String> tag : repo.readTagFiles().entrySet()) {
            if (Tags.isValid(tag.getKey()) && Digest.isDigest(tag.getValue())) {
                Digest digest = Digest.parse(tag.getValue());
                if (repo.manifests.containsKey(digest)) {
                    repo.tags.put(tag.getKey(), digest);
                }
            }
        }
        repositories.put(name.value(), repo);
    }

    public Uploads uploads() {
        return uploads;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public boolean repositoryExists(RepositoryName name) {
        return repositories.containsKey(name.value());
    }

    /** The size of a blob linked to the repository, or empty when it is not there. */
    public OptionalLong blobSize(RepositoryName name, Digest digest) {
        Repository repo = repositories.get(name.value());
        if (repo == null || !repo.blobs.contains(digest)) {
            return OptionalLong.empty();
        }
        return blobs.size(digest);
    }

    /** A manifest of the repository by tag or digest. */
    public Optional<StoredManifest> manifest(RepositoryName name, String reference) {
        Repository repo = repositories.get(name.value());
        if (repo == null) {
            return Optional.empty();
        }
        Digest digest = reference.indexOf(':') > 0 ? Digest.parse(reference) : repo.tags.get(reference);
        return digest == null ? Optional.empty() : Optional.ofNullable(repo.manifests.get(digest));
    }

    /** The raw bytes of a stored manifest. */
    public byte[] bytes(StoredManifest manifest) {
        return manifest.bytes() != null ? manifest.bytes() : blobs.read(manifest.digest());
    }

    /** The repository's tags in lexical order; NAME_UNKNOWN when the repository does not exist. */
    public List<String> tags(RepositoryName name) {
        Repository repo = repositories.get(name.value());
        if (repo == null) {
            throw new RegistryException(ErrorCode.NAME_UNKNOWN, "repository " + name + " is not known to this registry");
        }
        return List.copyOf(repo.tags.keySet());
    }

    /** Every repository name in lexical order. */
    public List<String> repositoryNames() {
        return List.copyOf(repositories.keySet());
    }

    /** The repository's manifests whose {@code subject} is {@code subject}. */
    public List<StoredManifest> referrers(RepositoryName name, Digest subject) {
        Repository repo = repositories.get(name.value());
        if (repo == null) {
            return List.of();
        }
        List<StoredManifest> found = new ArrayList<>();
        for (StoredManifest m : repo.manifests.values()) {
            if (m.facts().subject().filter(subject::equals).isPresent()) {
                found.add(m);
            }
        }
        found.sort((a, b) -> a.digest().compareTo(b.digest()));
        return found;
    }

    /**
     * Completes an upload: verifies the digest (DIGEST_INVALID otherwise), publishes the blob and links it to the
     * upload's repository.
     */
    public void finishUpload(Upload upload, Digest digest) {
        try {
            Path file = upload.finish(digest);
            Lock shared = collectionLock.readLock();
            shared.lock();
            try {
                blobs.publish(file, digest);
                repository(upload.repository()).linkBlob(digest);
            } finally {
                shared.unlock();
            }
        } finally {
            uploads.finished(upload);
        }
    }

    /**
     * Links an existing blob into {@code target} from {@code from} (or, without it, from any repository the client
     * may pull) and answers whether it did; a false answer means the client must upload the blob.
     */
    public boolean mount(RepositoryName target, Digest digest, Optional<RepositoryName> from, Predicate<RepositoryName> mayPull) {
        Lock shared = collectionLock.readLock();
        shared.lock();
        try {
            if (!mountable(digest, from, mayPull)) {
                return false;
            }
            blobs.touch(digest);
            repository(target).linkBlob(digest);
            return true;
        } catch (StrataException e) {
            if (e.kind() == StrataException.Kind.NOT_FOUND) {
                return false;
            }
            throw e;
        } finally {
            shared.unlock();
        }
    }

    private boolean mountable(Digest digest, Optional<RepositoryName> from, Predicate<RepositoryName> mayPull) {
        if (!blobs.exists(digest)) {
            return false;
        }
        if (from.isPresent()) {
            Repository source = repositories.get(from.get().value());
            return source != null && source.blobs.contains(digest) && mayPull.test(source.name);
        }
        for (Repository source : repositories.values()) {
            if (source.blobs.contains(digest) && mayPull.test(source.name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stores a manifest pushed to {@code reference} (a tag, or the manifest's digest) plus {@code extraTags}. It is
     * parsed and checked first: MANIFEST_INVALID (413 past {@link #MAX_MANIFEST_BYTES}), DIGEST_INVALID when the
     * reference is a digest the bytes do not have, MANIFEST_BLOB_UNKNOWN when a blob it references is neither in the
     * repository nor mountable from one the client may pull, or a child manifest is not in the repository.
     */
    public PutResult putManifest(RepositoryName name, String reference, List<String> extraTags, byte[] bytes,
            String contentType, Predicate<RepositoryName> mayPull) {
        if (bytes.length > MAX_MANIFEST_BYTES) {
            throw new RegistryException(ErrorCode.MANIFEST_INVALID, 413, "cannot accept the manifest: it is "
                    + bytes.length + " bytes, more than the " + MAX_MANIFEST_BYTES + " this registry takes");
        }
        ManifestFacts facts = ManifestFacts.parse(bytes, contentType);
        List<String> tags = new ArrayList<>();
        Digest digest;
        if (reference.indexOf(':') > 0) {
            Digest claimed = parseDigest(reference);
            digest = new Digest(claimed.algorithm(), HexFormat.of().formatHex(
                    Upload.messageDigest(claimed.algorithm()).digest(bytes)));
            if (!digest.equals(claimed)) {
                throw new RegistryException(ErrorCode.DIGEST_INVALID, "cannot accept the manifest: its digest is "
                        + digest + ", not " + claimed);
            }
        } else {
            tags.add(reference);
            digest = Digest.sha256(bytes);
        }
        tags.addAll(extraTags);
        for (String tag : tags) {
            if (!Tags.isValid(tag)) {
                throw new RegistryException(ErrorCode.MANIFEST_INVALID, "cannot tag the manifest: \"" + tag
                        + "\" is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)");
            }
        }
        Lock shared = collectionLock.readLock();
        shared.lock();
        try {
            Repository repo = repository(name);
            repo.lock().lock();
            try {
                checkReferences(repo, facts, mayPull);
                blobs.write(digest, bytes);
                repo.writeManifestLink(digest, facts.mediaType());
                StoredManifest previous = repo.manifests.get(digest);
                if (previous == null) {
                    addManifest(repo, digest, facts.mediaType(), bytes, facts);
                } else if (!previous.mediaType().equals(facts.mediaType())) {
                    repo.manifests.put(digest, new StoredManifest(digest, facts.mediaType(), bytes.length, facts, previous.bytes()));
                }
                for (String tag : tags) {
                    repo.writeTag(tag, digest);
                }
            } finally {
                repo.lock().unlock();
            }
        } finally {
            shared.unlock();
        }
        return new PutResult(digest, facts.subject(), tags);
    }

    private void checkReferences(Repository repo, ManifestFacts facts, Predicate<RepositoryName> mayPull) {
        List<String> missing = new ArrayList<>();
        for (Digest blob : facts.blobs()) {
            if (repo.blobs.contains(blob) && blobs.exists(blob)) {
                continue;
            }
            if (mountable(blob, Optional.empty(), mayPull)) {
                blobs.touch(blob);
                repo.linkBlob(blob);
            } else {
                missing.add("blob " + blob);
            }
        }
        for (Digest child : facts.manifests()) {
            if (!repo.manifests.containsKey(child)) {
                missing.add("manifest " + child);
            }
        }
        if (!missing.isEmpty()) {
            throw new RegistryException(ErrorCode.MANIFEST_BLOB_UNKNOWN, "cannot accept the manifest: "
                    + repo.name + " has no " + String.join(", ", missing) + "; push those first");
        }
    }

    private void addManifest(Repository repo, Digest digest, String mediaType, byte[] bytes, ManifestFacts facts) {
        boolean cache = cachedBytes.addAndGet(bytes.length) <= CACHE_BUDGET;
        if (!cache) {
            cachedBytes.addAndGet(-bytes.length);
        }
        repo.manifests.put(digest, new StoredManifest(digest, mediaType, bytes.length, facts, cache ? bytes : null));
        references.merge(digest, 1, Integer::sum);
        for (Digest referenced : facts.references()) {
            references.merge(referenced, 1, Integer::sum);
        }
    }

    /** Deletes a manifest and the tags pointing at it; NAME_UNKNOWN / MANIFEST_UNKNOWN when absent. */
    public void deleteManifest(RepositoryName name, Digest digest) {
        Repository repo = existing(name);
        repo.lock().lock();
        try {
            StoredManifest manifest = repo.manifests.get(digest);
            if (manifest == null) {
                throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest " + digest + " is not in " + name);
            }
            for (Map.Entry<String, Digest> tag : repo.tags.entrySet()) {
                if (tag.getValue().equals(digest)) {
                    repo.deleteTag(tag.getKey());
                }
            }
            repo.deleteManifestLink(digest);
            repo.manifests.remove(digest);
            if (manifest.bytes() != null) {
                cachedBytes.addAndGet(-manifest.bytes().length);
            }
            release(digest);
            manifest.facts().references().forEach(this::release);
        } finally {
            repo.lock().unlock();
        }
    }

    private void release(Digest digest) {
        references.computeIfPresent(digest, (d, count) -> count == 1 ? null : count - 1);
    }

    /** Deletes a tag (not its manifest); MANIFEST_UNKNOWN when there is no such tag. */
    public void deleteTag(RepositoryName name, String tag) {
        Repository repo = existing(name);
        repo.lock().lock();
        try {
            if (!repo.tags.containsKey(tag)) {
                throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "tag " + tag + " is not in " + name);
            }
            repo.deleteTag(tag);
        } finally {
            repo.lock().unlock();
        }
    }

    /** Unlinks a blob from a repository (the bytes go at the next garbage collection, if nothing else uses them). */
    public void deleteBlob(RepositoryName name, Digest digest) {
        Repository repo = existing(name);
        repo.lock().lock();
        try {
            if (!repo.blobs.contains(digest)) {
                throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob " + digest + " is not in " + name);
            }
            repo.unlinkBlob(digest);
        } finally {
            repo.lock().unlock();
        }
    }

    private Repository existing(RepositoryName name) {
        Repository repo = repositories.get(name.value());
        if (repo == null) {
            throw new RegistryException(ErrorCode.NAME_UNKNOWN, "repository " + name + " is not known to this registry");
        }
        return repo;
    }

    private Repository repository(RepositoryName name) {
        return repositories.computeIfAbsent(name.value(),
                n -> new Repository(name, repositoriesDir.resolve(n.replace("/", repositoriesDir.getFileSystem().getSeparator()))));
    }

    /** A digest the client gave, or the spec's DIGEST_INVALID. */
    public static Digest parseDigest(String text) {
        try {
            return Digest.parse(text);
        } catch (StrataException e) {
            throw new RegistryException(ErrorCode.DIGEST_INVALID, "invalid digest \"" + text + "\": " + e.getMessage());
        }
    }

    @Override
    public void close() {
        uploads.cancelAll();
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // releasing the lock of a store being closed: nothing else to do
        }
    }
}
