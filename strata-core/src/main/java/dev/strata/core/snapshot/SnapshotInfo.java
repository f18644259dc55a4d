package dev.strata.core.snapshot;

import dev.strata.core.oci.Digest;
import dev.strata.core.oci.JsonToken;
import dev.strata.core.oci.JsonWriting;
import dev.strata.core.oci.StreamingJson;

/** What a snapshot holds: one layer's unpacked tree, its place in the chain and its size in bytes. */
public record SnapshotInfo(Digest chainId, Digest diffId, Digest parent, long size) {

    /** Reads {@code snapshot.json} (streaming: every {@code run} reads one per layer). */
    public static SnapshotInfo parse(byte[] raw) {
        return StreamingJson.parse(raw, "snapshot metadata", p -> {
            Digest chainId = null;
            Digest diffId = null;
            Digest parent = null;
            long size = 0;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "chainId" -> chainId = StreamingJson.digest(p);
                    case "diffId" -> diffId = StreamingJson.digest(p);
                    case "parent" -> parent = StreamingJson.digest(p);
                    case "size" -> size = StreamingJson.longValue(p);
                    default -> p.skipChildren();
                }
            }
            return new SnapshotInfo(chainId, diffId, parent, size);
        });
    }

    /** {@code snapshot.json}'s bytes: every field, {@code null} included. */
    public byte[] toJson() {
        return StreamingJson.write(this, (g, s) -> {
            g.writeStartObject();
            JsonWriting.digest(g, "chainId", s.chainId());
            JsonWriting.digest(g, "diffId", s.diffId());
            JsonWriting.digest(g, "parent", s.parent());
            g.writeNumberField("size", s.size());
            g.writeEndObject();
        });
    }
}
