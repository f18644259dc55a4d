package dev.strata.core.build;

import dev.strata.core.StrataException;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.InvalidDigestException;
import dev.strata.core.sys.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The build cache: for each step that ran, which image it made. One small file per key under the store's
 * {@code cache/build}, holding the image ID, replaced atomically: lookups need no lock, two builds may record at
 * once (the last rename wins, and both made an equivalent image), and a killed build leaves no half entry. An
 * entry whose image has since been removed is a miss; pruning deletes such entries. Thread-safe.
 */
public final class BuildCache {
    private final Path dir;

    public BuildCache(Path dir) {
        this.dir = dir;
    }

    /** The image a step with this key made, if one was recorded (it may since have been removed). */
    public Optional<Digest> find(CacheKey key) {
        try {
            return Optional.of(Digest.parse(Files.readString(dir.resolve(key.hex()), StandardCharsets.US_ASCII).strip()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | InvalidDigestException e) {
            return Optional.empty(); // an unreadable entry is a miss; the step runs and rewrites it
        }
    }

    public void record(CacheKey key, Digest image) {
        try {
            Files.createDirectories(dir);
            AtomicFiles.write(dir.resolve(key.hex()), (image + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM,
                    "cannot record the build cache in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** What a prune removed: the keys and the bytes their files took. */
    public record Pruned(List<CacheKey> keys, long bytes) {}

    /**
     * Removes the entries whose image {@code exists} no longer finds (unreadable ones too), or with {@code all}
     * every entry. Safe while another build records: an entry recorded meanwhile may stay or go, and a missing
     * entry is only a miss.
     */
    public Pruned prune(java.util.function.Predicate<Digest> exists, boolean all) {
        List<CacheKey> removed = new ArrayList<>();
        long bytes = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.matches("[0-9a-f]{64}")) {
                    continue; // a writer's temporary file: its rename completes or it is cleaned with the store
                }
                CacheKey key = new CacheKey(name);
                Optional<Digest> image = find(key);
                if (all || image.isEmpty() || !exists.test(image.get())) {
                    long size = Files.size(file);
                    if (Files.deleteIfExists(file)) {
                        removed.add(key);
                        bytes += size;
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return new Pruned(List.of(), 0);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot prune the build cache in " + dir + ": "
                    + e.getMessage(), e);
        }
        return new Pruned(removed, bytes);
    }
}
