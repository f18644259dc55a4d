package dev.strata.core.store;

import dev.strata.core.oci.Digest;
import dev.strata.core.snapshot.Snapshotter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Layers already unpacked before a transaction stages them, keyed by the digest of their blob: a loader unpacks
 * while it reads an archive, an importer while it writes the blob. A transaction {@link #take}s each at most
 * once; the snapshotter still checks its diffID. Thread-safe.
 */
public interface PreparedLayers {
    PreparedLayers NONE = digest -> Optional.empty();

    /** The unpacked tree of the blob with this digest, if there is one (waiting for it if it is in progress). */
    Optional<Snapshotter.Prepared> take(Digest blobDigest);

    /** A fixed set of unpacked layers; {@link Given#close} discards those nobody took. */
    final class Given implements PreparedLayers, AutoCloseable {
        private final Map<Digest, Snapshotter.Prepared> layers = new ConcurrentHashMap<>();

        public Given put(Digest blobDigest, Snapshotter.Prepared prepared) {
            layers.put(blobDigest, prepared);
            return this;
        }

        @Override
        public Optional<Snapshotter.Prepared> take(Digest blobDigest) {
            return Optional.ofNullable(layers.remove(blobDigest));
        }

        @Override
        public void close() {
            layers.values().forEach(Snapshotter.Prepared::discard);
            layers.clear();
        }
    }
}
