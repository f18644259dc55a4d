package dev.strata.core.engine;

import dev.strata.core.image.StoredImage;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.ImageConfig;
import dev.strata.core.snapshot.ChainId;
import dev.strata.core.store.ImageIndex;
import dev.strata.core.store.ImageRecord;
import dev.strata.core.store.LocalStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code history}: the config's history entries newest first, each non-empty entry with the size
 * of its layer, and the ID of the local image (the image itself or a parent) whose history ends at that row.
 */
final class HistoryBuilder {
    private HistoryBuilder() {}

    static List<HistoryRow> rows(LocalStore store, ImageIndex.Snapshot index, ImageRecord record) {
        StoredImage image = store.image(record);
        ImageConfig config = image.config();
        List<Digest> chain = ChainId.chain(config.diffIds());
        Map<Integer, String> idAtRow = new HashMap<>();
        ImageRecord current = record;
        while (current != null) {
            int entries = current == record ? config.history().size() : store.image(current).config().history().size();
            idAtRow.putIfAbsent(entries - 1, current.id().toString());
            current = current.parent() == null ? null : index.byId(current.parent()).orElse(null);
        }
        List<HistoryRow> rows = new ArrayList<>();
        List<ImageConfig.History> history = config.history();
        int layer = 0;
        for (int i = 0; i < history.size(); i++) {
            ImageConfig.History h = history.get(i);
            long size = 0;
            if (!h.emptyLayer() && layer < chain.size()) {
                size = store.snapshots().info(chain.get(layer)).map(s -> s.size()).orElse(0L);
                layer++;
            }
            rows.add(new HistoryRow(idAtRow.getOrDefault(i, "<missing>"), ImageConfig.parseTime(h.created()),
                    h.createdBy() == null ? "" : h.createdBy(), size, h.comment() == null ? "" : h.comment(), h.emptyLayer()));
        }
        if (history.isEmpty()) {
            for (int i = 0; i < chain.size(); i++) {
                long size = store.snapshots().info(chain.get(i)).map(s -> s.size()).orElse(0L);
                rows.add(new HistoryRow(i == chain.size() - 1 ? record.id().toString() : "<missing>",
                        config.createdInstant(), "", size, "", false));
            }
        }
        Collections.reverse(rows);
        return rows;
    }
}
