package dev.strata.registry.storage;

import dev.strata.core.oci.Digest;
import dev.strata.core.sys.AtomicFiles;
import dev.strata.registry.spec.RepositoryName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One repository: the blobs linked to it, its manifests and its tags, in memory for reads and mirrored on disk
 * under {@code repositories/<name>/}: {@code _blobs/<alg>/<hex>} (empty link files), {@code _manifests/<alg>/<hex>}
 * (holding the manifest's media type; the bytes are a blob) and {@code _tags/<tag>} (holding a digest). Files
 * with content are written to a temporary name, fsynced and renamed, so a killed server leaves each link whole or
 * absent. Readers use the concurrent maps without locking; writers hold {@link #lock()}.
 */
final class Repository {
    /** {@link AtomicFiles}' temporary files, which a killed process may leave: never a link or a tag. */
    private static final String TEMP_PREFIX = AtomicFiles.TEMPORARY_PREFIX;

    final RepositoryName name;
    final Set<Digest> blobs = ConcurrentHashMap.newKeySet();
    final ConcurrentHashMap<Digest, StoredManifest> manifests = new ConcurrentHashMap<>();
    final ConcurrentSkipListMap<String, Digest> tags = new ConcurrentSkipListMap<>();
    private final Path dir;
    private final ReentrantLock lock = new ReentrantLock();

    Repository(RepositoryName name, Path dir) {
        this.name = name;
        this.dir = dir;
    }

    ReentrantLock lock() {
        return lock;
    }

    boolean isEmpty() {
        return blobs.isEmpty() && manifests.isEmpty() && tags.isEmpty();
    }

    void linkBlob(Digest digest) {
        if (blobs.contains(digest)) {
            return;
        }
        Path link = dir.resolve("_blobs").resolve(digest.algorithm()).resolve(digest.encoded());
        try {
            Files.createDirectories(link.getParent());
            Files.createFile(link);
        } catch (FileAlreadyExistsException e) {
            // linked by an earlier run: the same link
        } catch (IOException e) {
            throw BlobStore.failure("link blob " + digest + " to " + name, e);
        }
        blobs.add(digest);
    }

    void unlinkBlob(Digest digest) {
        BlobStore.deleteQuietly(dir.resolve("_blobs").resolve(digest.algorithm()).resolve(digest.encoded()));
        blobs.remove(digest);
    }

    void writeManifestLink(Digest digest, String mediaType) {
        writeAtomically(dir.resolve("_manifests").resolve(digest.algorithm()).resolve(digest.encoded()), mediaType);
    }

    void deleteManifestLink(Digest digest) {
        BlobStore.deleteQuietly(dir.resolve("_manifests").resolve(digest.algorithm()).resolve(digest.encoded()));
    }

    void writeTag(String tag, Digest digest) {
        writeAtomically(dir.resolve("_tags").resolve(tag), digest.toString());
        tags.put(tag, digest);
    }

    void deleteTag(String tag) {
        BlobStore.deleteQuietly(dir.resolve("_tags").resolve(tag));
        tags.remove(tag);
    }

    private static void writeAtomically(Path target, String content) {
        try {
            Files.createDirectories(target.getParent());
            AtomicFiles.write(target, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw BlobStore.failure("write " + target, e);
        }
    }

    /** The blob links on disk. */
    Set<Digest> readBlobLinks() throws IOException {
        Set<Digest> found = ConcurrentHashMap.newKeySet();
        readDigestFiles(dir.resolve("_blobs"), (digest, file) -> found.add(digest));
        return found;
    }

    /** The manifest links on disk: digest to media type. */
    Map<Digest, String> readManifestLinks() throws IOException {
        Map<Digest, String> found = new LinkedHashMap<>();
        readDigestFiles(dir.resolve("_manifests"), (digest, file) ->
                found.put(digest, Files.readString(file, StandardCharsets.UTF_8).strip()));
        return found;
    }

    /** The tags on disk: tag to digest text. */
    Map<String, String> readTagFiles() throws IOException {
        Map<String, String> found = new LinkedHashMap<>();
        Path tagDir = dir.resolve("_tags");
        if (!Files.isDirectory(tagDir)) {
            return found;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(tagDir)) {
            for (Path file : files) {
                String tag = file.getFileName().toString();
                if (tag.startsWith(TEMP_PREFIX)) {
                    BlobStore.deleteQuietly(file); // a write the previous server did not finish
                } else {
                    found.put(tag, Files.readString(file, StandardCharsets.UTF_8).strip());
                }
            }
        }
        return found;
    }

    private interface DigestFileVisitor {
        void visit(Digest digest, Path file) throws IOException;
    }

    private static void readDigestFiles(Path root, DigestFileVisitor visitor) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (DirectoryStream<Path> algorithms = Files.newDirectoryStream(root)) {
            for (Path algorithm : algorithms) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(algorithm)) {
                    for (Path file : files) {
                        String hex = file.getFileName().toString();
                        if (hex.startsWith(TEMP_PREFIX)) {
                            BlobStore.deleteQuietly(file);
                            continue;
                        }
                        Digest digest;
                        try {
                            digest = new Digest(algorithm.getFileName().toString(), hex);
                        } catch (RuntimeException e) {
                            continue; // not a link this registry wrote
                        }
                        visitor.visit(digest, file);
                    }
                }
            }
        }
    }
}
