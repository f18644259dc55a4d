package dev.strata.registry.storage;

import dev.strata.core.oci.Digest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.Lock;

/**
 * Deletes blobs nothing needs, while the registry keeps serving pushes and pulls. The mark is kept all the time:
 * the store counts, for every digest, the manifests referencing it. A blob is swept when no manifest references it
 * and it was neither written nor linked within the grace period (the window in which a client pushes an image's
 * layers before its manifest). The check is made once cheaply, then again under the exclusive side of the
 * store's collection lock right before the delete; everything that makes a blob referenced (finishing an upload,
 * mounting, pushing a manifest) holds the shared side and touches the blob, so a push either sees the blob
 * gone (and uploads it again or gets MANIFEST_BLOB_UNKNOWN) or the collector sees it used: a stored manifest never
 * references a deleted blob. Links to deleted blobs are removed under the same lock. Not meant to run twice at
 * once (the caller serialises runs).
 */
public final class GarbageCollector {
    private final RegistryStore store;

    public GarbageCollector(RegistryStore store) {
        this.store = store;
    }

    /**
     * Runs one collection.
     *
     * @param grace how long an unreferenced blob is kept after it was last written or linked
     * @param uploadTimeout how long an idle upload session is kept
     */
    public GcReport collect(Duration grace, Duration uploadTimeout) {
        Instant started = store.clock.instant();
        int expired = store.uploads().expire(started.minus(uploadTimeout));
        int deleted = 0;
        int kept = 0;
        long freed = 0;
        List<Digest> gone = new ArrayList<>();
        for (Digest digest : store.blobs.list()) {
            if (!collectable(digest, grace)) {
                kept++;
                continue;
            }
            Lock exclusive = store.collectionLock.writeLock();
            exclusive.lock();
            try {
                if (!collectable(digest, grace)) {
                    kept++;
                    continue;
                }
                OptionalLong size = store.blobs.size(digest);
                store.blobs.delete(digest);
                deleted++;
                freed += size.orElse(0);
                gone.add(digest);
            } finally {
                exclusive.unlock();
            }
        }
        int links = gone.isEmpty() ? 0 : removeLinks(gone);
        return new GcReport(deleted, freed, kept, links, expired, Duration.between(started, store.clock.instant()));
    }

    private boolean collectable(Digest digest, Duration grace) {
        if (store.references.containsKey(digest)) {
            return false;
        }
        Optional<Instant> touched = store.blobs.touched(digest);
        return touched.isPresent() && touched.get().isBefore(store.clock.instant().minus(grace));
    }

    private int removeLinks(List<Digest> gone) {
        int removed = 0;
        Lock exclusive = store.collectionLock.writeLock();
        exclusive.lock();
        try {
            for (Repository repo : store.repositories.values()) {
                repo.lock().lock();
                try {
                    for (Digest digest : gone) {
                        if (repo.blobs.contains(digest) && !store.blobs.exists(digest)) {
                            repo.unlinkBlob(digest);
                            removed++;
                        }
                    }
                } finally {
                    repo.lock().unlock();
                }
            }
        } finally {
            exclusive.unlock();
        }
        return removed;
    }
}
