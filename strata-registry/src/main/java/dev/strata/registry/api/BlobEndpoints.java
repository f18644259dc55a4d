package dev.strata.registry.api;

import dev.strata.core.oci.Digest;
import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import dev.strata.registry.storage.RegistryStore;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code GET/HEAD/DELETE /v2/<name>/blobs/<digest>}: pulling blobs, with byte ranges, and unlinking them. */
final class BlobEndpoints {
    private static final String OCTETS = "application/octet-stream";

    private final RegistryStore store;
    private final Access access;
    private final MappedBlobs mapped = new MappedBlobs();

    BlobEndpoints(RegistryStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    void handle(Exchange ex, RepositoryName name, String reference) throws IOException {
        Digest digest = Digests.parse(reference);
        switch (ex.method) {
            case "GET", "HEAD" -> get(ex, name, digest);
            case "DELETE" -> delete(ex, name, digest);
            default -> throw Digests.unsupported(ex);
        }
    }

    private void get(Exchange ex, RepositoryName name, Digest digest) throws IOException {
        access.pull(ex, name);
        OptionalLong found = store.blobSize(name, digest);
        if (found.isEmpty()) {
            throw new RegistryException(ErrorCode.BLOB_UNKNOWN, "blob " + digest + " is not in " + name);
        }
        long size = found.getAsLong();
        String digestText = digest.toString();
        ex.setHeader("Docker-Content-Digest", digestText);
        ex.setHeader("ETag", "\"" + digestText + "\"");
        ex.setHeader("Accept-Ranges", "bytes");
        ex.setHeader("Cache-Control", "max-age=31536000");
        if (ex.isHead()) {
            ex.sendHeaders(200, OCTETS, size);
            return;
        }
        Optional<ByteRange> range = ByteRange.parse(ex.header("Range"), size);
        if (range.isPresent() && !range.get().satisfiable()) {
            ex.setHeader("Content-Range", "bytes */" + size);
            ex.sendEmpty(416);
            return;
        }
        if (size > MappedBlobs.CACHED_MAX) {
            long offset = range.map(ByteRange::offset).orElse(0L);
            long length = range.map(ByteRange::length).orElse(size);
            if (range.isPresent()) {
                ex.setHeader("Content-Range", "bytes " + offset + "-" + (offset + length - 1) + "/" + size);
            }
            ex.sendFile(range.isPresent() ? 206 : 200, OCTETS, store.blobs().path(digest), offset, length);
            return;
        }
        ByteBuffer content = mapped.map(digest, store.blobs().path(digest), size);
        if (range.isPresent()) {
            ByteRange r = range.get();
            ex.setHeader("Content-Range", "bytes " + r.offset() + "-" + (r.offset() + r.length() - 1) + "/" + size);
            ex.send(206, OCTETS, content.slice((int) r.offset(), (int) r.length()));
        } else {
            ex.send(200, OCTETS, content);
        }
    }

    private void delete(Exchange ex, RepositoryName name, Digest digest) {
        access.delete(ex, name);
        store.deleteBlob(name, digest);
        ex.sendEmpty(202);
    }
}
