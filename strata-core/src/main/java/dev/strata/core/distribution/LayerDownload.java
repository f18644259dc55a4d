package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import dev.strata.core.archive.Compression;
import dev.strata.core.content.BlobWriter;
import dev.strata.core.content.FileContentStore;
import dev.strata.core.content.StagedBlob;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.MediaTypes;
import dev.strata.core.progress.Event;
import dev.strata.core.progress.ProgressListener;
import dev.strata.core.snapshot.Snapshotter;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Downloads one layer blob and unpacks it while the bytes arrive: the compressed stream is digested (and kept in
 * a partial file, so a cut-off download resumes), decompressed once, unpacked into a prepared snapshot that
 * measures the diffID, and written uncompressed as the store's layer blob. The compressed bytes are dropped once
 * verified (a push finds them on their registry, see {@link BlobSources}). Retries a dropped connection from where
 * it stopped.
 */
final class LayerDownload {
    private static final int ATTEMPTS = 4;
    private static final long PROGRESS_STEP = 512 << 10;

    /** The unpacked layer and its uncompressed blob, staged but not yet published. */
    record Result(Snapshotter.Prepared prepared, StagedBlob plain) {
        void discard() {
            prepared.discard();
            plain.discard();
        }
    }

    private final RemoteRepository repository;
    private final Descriptor blob;
    private final FileContentStore content;
    private final Snapshotter snapshots;
    private final PartialBlobs partials;
    private final ProgressListener progress;

    LayerDownload(RemoteRepository repository, Descriptor blob, FileContentStore content, Snapshotter snapshots,
            PartialBlobs partials, ProgressListener progress) {
        this.repository = repository;
        this.blob = blob;
        this.content = content;
        this.snapshots = snapshots;
        this.partials = partials;
        this.progress = progress;
    }

    private String id() {
        return blob.digest().shortHex();
    }

    Result run() {
        for (int attempt = 1; ; attempt++) {
            try (PartialBlobs.Partial partial = partials.open(blob.digest())) {
                try {
                    return attempt(partial);
                } catch (Failure f) {
                    if (!f.network || attempt >= ATTEMPTS) {
                        if (!f.network) {
                            partial.delete(); // bad bytes: never resume from them
                        }
                        throw f.error;
                    }
                    progress.onEvent(new Event.Status(id(), "Retrying"));
                }
            }
        }
    }

    /** A failed attempt, and whether it was the connection (worth resuming) or the data. */
    private static final class Failure extends Exception {
        final boolean network;
        final StrataException error;

        Failure(boolean network, StrataException error) {
            super(error.getMessage(), error, false, false);
            this.network = network;
            this.error = error;
        }
    }

    private Result attempt(PartialBlobs.Partial partial) throws Failure {
        long kept;
        RemoteRepository.BlobStream stream;
        try {
            kept = Math.min(partial.size(), blob.size());
            if (kept == blob.size() && kept > 0) {
                kept--; // a complete leftover: still ask for a byte, so the registry confirms the blob exists
            }
            stream = repository.blob(blob.digest(), kept);
        } catch (IOException e) {
            throw new Failure(false, new StrataException(StrataException.Kind.SYSTEM, "cannot read the partial download of "
                    + id() + ": " + e.getMessage(), e));
        } catch (StrataException e) {
            throw new Failure(e.kind() == StrataException.Kind.SYSTEM && !(e instanceof RegistryException), e);
        }
        long[] reported = {0};
        DownloadStream in;
        try {
            in = new DownloadStream(blob, partial.channel(), stream.offset(), stream.body(), n -> {
                if (n - reported[0] >= PROGRESS_STEP || n == blob.size()) {
                    reported[0] = n;
                    progress.onEvent(new Event.LayerProgress("Downloading", blob.digest(), n, blob.size()));
                }
            });
        } catch (IOException e) {
            throw new Failure(false, new StrataException(StrataException.Kind.SYSTEM, "cannot write the download of "
                    + id() + ": " + e.getMessage(), e));
        }
        boolean uncompressed = MediaTypes.OCI_LAYER.equals(blob.mediaType()) || MediaTypes.DOCKER_LAYER.equals(blob.mediaType());
        BlobWriter writer = uncompressed ? null : content.writer();
        Snapshotter.Prepared prepared = null;
        try {
            InputStream kept2 = new KeptOpen(in);
            prepared = snapshots.prepare(() -> uncompressed ? kept2
                    : writer.teeingDigestedByReader(Compression.decompressing(kept2)));
            progress.onEvent(new Event.Status(id(), "Verifying Checksum"));
            in.finish();
            progress.onEvent(new Event.Status(id(), "Download complete"));
            StagedBlob plain;
            if (uncompressed) {
                in.makeDurable();
                // the blob is the layer tar itself; the snapshotter checks its diffID
                plain = content.stageVerifiedFile(partial.file(), blob.digest());
            } else {
                // The compressed bytes are not kept: writing them into the store (with its fsync) cost a pull more
                // than a second for 500 MB. A push finds them on their registry through BlobSources, or compresses
                // the layer again for another one.
                plain = writer.stage(prepared.diffId(), -1);
            }
            partial.delete();
            return new Result(prepared, plain);
        } catch (IOException | StrataException e) {
            if (prepared != null) {
                prepared.discard();
            }
            boolean network = in.networkFailed();
            if (!network && !(e instanceof dev.strata.core.content.DigestMismatchException)) {
                // the unpacker stopped on bad data: if the bytes are not the blob, say that, not what it tripped on
                try {
                    in.finish();
                } catch (dev.strata.core.content.DigestMismatchException mismatch) {
                    throw new Failure(false, mismatch);
                } catch (IOException | StrataException other) {
                    network = in.networkFailed();
                }
            }
            StrataException error = e instanceof StrataException s ? s : new StrataException(StrataException.Kind.SYSTEM,
                    "cannot pull layer " + id() + ": " + RegistryHttp.describe((IOException) e), e);
            if (network) {
                error = new StrataException(StrataException.Kind.SYSTEM, "cannot pull layer " + id() + " from "
                        + repository.host() + ": " + rootMessage(e), e);
            }
            throw new Failure(network, error);
        } finally {
            try {
                in.close();
            } catch (IOException e) {
                // the connection is gone either way
            }
            if (writer != null) {
                writer.close();
            }
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage();
        return m == null || m.isBlank() ? "the connection was dropped" : m;
    }

    /** Lets the unpacker close its streams without closing the download, which is read to its end afterwards. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {}
    }
}
