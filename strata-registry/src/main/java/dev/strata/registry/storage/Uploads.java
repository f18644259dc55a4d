package dev.strata.registry.storage;

import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The upload sessions in progress. Sessions live in memory (their files in the ingest directory): a restarted
 * server forgets them and clears their files, and clients start the upload again, as the spec lets them.
 * Thread-safe.
 */
public final class Uploads {
    private final BlobStore blobs;
    private final Clock clock;
    private final ConcurrentHashMap<String, Upload> sessions = new ConcurrentHashMap<>();

    Uploads(BlobStore blobs, Clock clock) {
        this.blobs = blobs;
        this.clock = clock;
    }

    /** Opens a session for a repository; {@code algorithm} is the digest algorithm to stream (sha256 by default). */
    public Upload start(RepositoryName repository, String algorithm) {
        String id = UUID.randomUUID().toString();
        Upload upload = new Upload(id, repository, blobs.newIngestFile(), algorithm, clock.instant());
        sessions.put(id, upload);
        return upload;
    }

    /** The session {@code id} of {@code repository}; BLOB_UPLOAD_UNKNOWN when there is none. */
    public Upload get(RepositoryName repository, String id) {
        Upload upload = sessions.get(id);
        if (upload == null || !upload.repository().equals(repository)) {
            throw new RegistryException(ErrorCode.BLOB_UPLOAD_UNKNOWN, "upload " + id + " is unknown to " + repository
                    + " (finished, cancelled, expired, or the registry restarted): start the upload again");
        }
        return upload;
    }

    /** Cancels a session and deletes its data. */
    public void cancel(Upload upload) {
        sessions.remove(upload.id(), upload);
        upload.abort();
    }

    void finished(Upload upload) {
        sessions.remove(upload.id(), upload);
    }

    /** Cancels sessions idle since before {@code cutoff}; returns how many. */
    public int expire(Instant cutoff) {
        int expired = 0;
        for (Upload upload : sessions.values()) {
            if (upload.lastUsed().isBefore(cutoff) && upload.lock().tryLock()) {
                try {
                    cancel(upload);
                    expired++;
                } finally {
                    upload.lock().unlock();
                }
            }
        }
        return expired;
    }

    /** Cancels every session (shutdown). */
    public void cancelAll() {
        sessions.values().forEach(this::cancel);
    }

    public int count() {
        return sessions.size();
    }
}
