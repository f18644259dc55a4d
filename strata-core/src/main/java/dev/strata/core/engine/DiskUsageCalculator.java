package dev.strata.core.engine;

import dev.strata.core.container.Container;
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

    static DiskUsage compute(LocalStore store, ImageIndex.Snapshot index, List<Container> containers,
            List<DiskUsage.VolumeUsage> volumes) {
        Map<Digest, Integer> containersByImage = new HashMap<>();
        for (Container c : containers) {
            containersByImage.merge(Digest.parse(c.record().imageId()), 1, Integer::sum);
        }
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
            usages.add(new DiskUsage.ImageUsage(row, shared + unique, shared, unique,
                    containersByImage.getOrDefault(row.image().id(), 0)));
        }
        java.util.Set<Digest> kept = new java.util.HashSet<>();
        for (Digest image : containersByImage.keySet()) {
            kept.addAll(chains.getOrDefault(image, List.of()));
        }
        long reclaimable = 0;
        for (Digest chainId : users.keySet()) {
            if (!kept.contains(chainId)) {
                reclaimable += sizes.getOrDefault(chainId, 0L);
            }
        }
        long active = index.images().stream().filter(i -> containersByImage.containsKey(i.id())).count();
        List<DiskUsage.ContainerUsage> containerUsages = containers.stream()
                .map(c -> new DiskUsage.ContainerUsage(c, WritableLayer.read(c, store.snapshots(), DiskUsageCalculator::treeSize))).toList();
        return new DiskUsage(index.images().size(), active, total, reclaimable, users.size(), usages, containerUsages,
                volumes);
    }

    static long treeSize(java.nio.file.Path dir) {
        try {
            return dev.strata.core.volume.DirectorySize.of(dir);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
