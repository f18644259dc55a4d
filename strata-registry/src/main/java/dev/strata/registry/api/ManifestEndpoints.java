package dev.strata.registry.api;

import dev.strata.core.oci.Digest;
import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import dev.strata.registry.spec.Tags;
import dev.strata.registry.storage.PutResult;
import dev.strata.registry.storage.RegistryStore;
import dev.strata.registry.storage.StoredManifest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;

/**
 * {@code GET/HEAD/PUT/DELETE /v2/<name>/manifests/<tag-or-digest>}. Manifests are served from memory with their
 * own media type as Content-Type; a PUT is validated by the store (references, digest, size) before it is visible.
 */
final class ManifestEndpoints {
    private final RegistryStore store;
    private final Access access;

    ManifestEndpoints(RegistryStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    void handle(Exchange ex, RepositoryName name, String reference) throws IOException {
        boolean byDigest = reference.indexOf(':') > 0;
        boolean reading = ex.method.equals("GET") || ex.method.equals("HEAD");
        if (reading && !byDigest && !Tags.isValid(reference)) {
            // no manifest can have a name that is not a tag: unknown, as the conformance suite expects, not invalid
            access.pull(ex, name);
            throw unknown(name, reference);
        }
        if (byDigest) {
            Digests.parse(reference);
        } else if (!Tags.isValid(reference)) {
            throw new RegistryException(ErrorCode.MANIFEST_INVALID, "invalid tag \"" + reference
                    + "\": letters, digits, _ . - (at most 128), not starting with . or -");
        }
        switch (ex.method) {
            case "GET", "HEAD" -> get(ex, name, reference);
            case "PUT" -> put(ex, name, reference, byDigest);
            case "DELETE" -> delete(ex, name, reference, byDigest);
            default -> throw Digests.unsupported(ex);
        }
    }

    private void get(Exchange ex, RepositoryName name, String reference) {
        access.pull(ex, name);
        Optional<StoredManifest> found = store.manifest(name, reference);
        if (found.isEmpty()) {
            throw unknown(name, reference);
        }
        StoredManifest manifest = found.get();
        if (!accepts(ex.headerValues(HttpHeader.ACCEPT), manifest.mediaType())) {
            throw new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest " + reference + " of " + name + " is a "
                    + manifest.mediaType() + ", which the request's Accept header does not list");
        }
        String digest = manifest.digest().toString();
        ex.setHeader("Docker-Content-Digest", digest);
        ex.setHeader("ETag", "\"" + digest + "\"");
        if (ex.isHead()) {
            ex.sendHeaders(200, manifest.mediaType(), manifest.size());
        } else {
            ex.send(200, manifest.mediaType(), store.bytes(manifest));
        }
    }

    private RegistryException unknown(RepositoryName name, String reference) {
        if (!store.repositoryExists(name)) {
            return new RegistryException(ErrorCode.NAME_UNKNOWN, "repository " + name + " is not known to this registry");
        }
        return new RegistryException(ErrorCode.MANIFEST_UNKNOWN, "manifest " + reference + " is not in " + name);
    }

    /**
     * Whether a client listing {@code accept} can take {@code mediaType}: no header, a wildcard, or the type itself.
     * A client that lists only other types would not understand it (as Distribution, it gets MANIFEST_UNKNOWN).
     */
    static boolean accepts(List<String> accept, String mediaType) {
        boolean listed = false;
        for (String header : accept) {
            for (String item : header.split(",")) {
                String type = Digests.mediaType(item);
                if (type.isEmpty()) {
                    continue;
                }
                listed = true;
                if (type.equals(mediaType) || type.equals("*/*") || type.equals("application/*")) {
                    return true;
                }
            }
        }
        return !listed;
    }

    private void put(Exchange ex, RepositoryName name, String reference, boolean byDigest) throws IOException {
        access.push(ex, name);
        byte[] bytes = Bodies.read(ex.request, RegistryStore.MAX_MANIFEST_BYTES, ErrorCode.MANIFEST_INVALID);
        List<String> extraTags = byDigest ? ex.queryValues("tag") : List.of();
        PutResult result = store.putManifest(name, reference, extraTags, bytes,
                Digests.mediaType(ex.header("Content-Type")), n -> access.mayPull(ex, n));
        Digest digest = result.digest();
        ex.setHeader("Location", "/v2/" + name + "/manifests/" + digest);
        ex.setHeader("Docker-Content-Digest", digest.toString());
        result.subject().ifPresent(subject -> ex.setHeader("OCI-Subject", subject.toString()));
        for (String tag : extraTags) {
            ex.addHeader("OCI-Tag", tag);
        }
        ex.sendEmpty(201);
    }

    private void delete(Exchange ex, RepositoryName name, String reference, boolean byDigest) {
        access.delete(ex, name);
        if (byDigest) {
            store.deleteManifest(name, Digests.parse(reference));
        } else {
            store.deleteTag(name, reference);
        }
        ex.sendEmpty(202);
    }
}
