package dev.strata.core.engine;

import dev.strata.core.oci.Digest;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.snapshot.SnapshotInfo;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.LocalStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link DiskUsage} from the index and the snapshots' recorded sizes (no tree walks). */
final class DiskUsageCalculator {
    private DiskUsageCalculator() {}

    static DiskUsage compute(LocalStore store, ImageIndex.Snapshot index) {
        Map<Digest, Long> sizes = new HashMap<>();
        for (SnapshotInfo info : store.snapshots().list()) {
            sizes.put(info.chainId(), info.size());
        }
        Map<Digest, List<Digest>> chains = new HashMap<>();
        Map<Digest, Integer> users = new HashMap<>();
        for (ImageRecord image : index.images()) {
            List<Digest> chain = ChainId.chain(store.image(image).config().diffIds());
            chains.put(image.id(), chain);
            chain.forEach(c -> users.merge(c, 1, Integer::sum));
        }
        long total = 0;
        for (Digest chainId : users.keySet()) {
            total += sizes.getOrDefault(chainId, 0L);
        }
        List<DiskUsage.ImageUsage> usages = new ArrayList<>();
        for (ImageRow row : ImageLister.rows(index, true, ImageFilter.parse(List.of(), index))) {
            long shared = 0;
            long unique = 0;
            for (Digest chainId : chains.get(row.image().id())) {
                long size = sizes.getOrDefault(chainId, 0L);
                if (users.get(chainId) > 1) {
                    shared += size;
                } else {
                    unique += size;
                }
            }
            usages.add(new DiskUsage.ImageUsage(row, shared + unique, shared, unique, 0));
        }
        return new DiskUsage(index.images().size(), 0, total, total, users.size(), usages);
    }
}
