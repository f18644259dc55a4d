package dev.strata.core.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.core.StrataException;
import dev.strata.core.oci.Descriptor;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.Json;
import dev.strata.core.sys.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What this store knows of each layer's compressed forms, by diffID, as Docker's {@code v2metadata-by-diffid}:
 * the compressed blob (digest, media type, size) and the repositories ({@code host/path}) it was pulled from or
 * pushed to. Push uses it to skip compressing again, to find blobs a registry already has, and to mount them from
 * another repository. One small JSON file per diffID under {@code distribution/}, replaced atomically; the newest
 * entry first. Thread-safe within a process; between processes the last writer wins (losing only a hint).
 */
public final class BlobSources {
    private static final int MAX_ENTRIES = 50;

    private final Path root;

    public BlobSources(Path root) {
        this.root = root;
    }

    /** A compressed form of a layer and a repository known to have it. */
    public record Source(Descriptor blob, String repository) {}

    /** Every known source of this layer's compressed forms, newest first. */
    public synchronized List<Source> of(Digest diffId) {
        List<Source> sources = new ArrayList<>();
        for (JsonNode e : read(diffId)) {
            try {
                Digest digest = Digest.parse(e.path("Digest").asText());
                sources.add(new Source(new Descriptor(e.path("MediaType").asText(null), digest,
                        e.path("Size").asLong(0)), e.path("SourceRepository").asText("")));
            } catch (StrataException ex) {
                // an entry we cannot read is only a lost hint
            }
        }
        return sources;
    }

    /** Remembers that {@code repository} ({@code host/path}, or empty for none) has this compressed form. */
    public synchronized void add(Digest diffId, Descriptor blob, String repository) {
        ArrayNode entries = read(diffId);
        ArrayNode updated = Json.mapper().createArrayNode();
        ObjectNode entry = updated.addObject();
        entry.put("Digest", blob.digest().toString());
        entry.put("SourceRepository", repository);
        entry.put("MediaType", blob.mediaType());
        entry.put("Size", blob.size());
        for (JsonNode e : entries) {
            boolean same = e.path("Digest").asText().equals(blob.digest().toString())
                    && e.path("SourceRepository").asText().equals(repository);
            if (!same && updated.size() < MAX_ENTRIES) {
                updated.add(e);
            }
        }
        Path file = file(diffId);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, Json.mapper().writeValueAsBytes(updated));
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot record where layer " + diffId.shortHex()
                    + " came from: " + e.getMessage(), e);
        }
    }

    private ArrayNode read(Digest diffId) {
        try {
            if (Json.tree(Files.readAllBytes(file(diffId)), "layer sources") instanceof ArrayNode array) {
                return array;
            }
        } catch (NoSuchFileException e) {
            // none known
        } catch (IOException | StrataException e) {
            // unreadable: treated as none known, rewritten by the next add
        }
        return Json.mapper().createArrayNode();
    }

    private Path file(Digest diffId) {
        return root.resolve("v2metadata-by-diffid").resolve(diffId.algorithm()).resolve(diffId.encoded());
    }
}
