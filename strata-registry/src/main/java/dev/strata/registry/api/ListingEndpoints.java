package dev.strata.registry.api;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.strata.core.oci.Digest;
import dev.strata.core.oci.MediaTypes;
import dev.strata.registry.auth.Authorizer.Scope;
import dev.strata.registry.spec.ErrorCode;
import dev.strata.registry.spec.RegistryException;
import dev.strata.registry.spec.RepositoryName;
import dev.strata.registry.storage.RegistryStore;
import dev.strata.registry.storage.StoredManifest;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The content-discovery endpoints: {@code GET /v2/<name>/tags/list} and {@code GET /v2/_catalog} (lexical order,
 * {@code n}/{@code last} pagination with an RFC 5988 {@code Link}), and the referrers API
 * {@code GET /v2/<name>/referrers/<digest>} with {@code artifactType} filtering.
 */
final class ListingEndpoints {
    private final RegistryStore store;
    private final Access access;

    ListingEndpoints(RegistryStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    void tags(Exchange ex, RepositoryName name) {
        requireGet(ex);
        access.pull(ex, name);
        List<String> all = store.tags(name);
        String path = "/v2/" + name + "/tags/list";
        List<String> page = page(ex, path, all);
        ex.send(200, Exchange.JSON, JsonBodies.write(g -> {
            g.writeStartObject();
            g.writeStringField("name", name.value());
            stringArray(g, "tags", page);
            g.writeEndObject();
        }));
    }

    void catalog(Exchange ex) {
        requireGet(ex);
        access.require(ex, Scope.catalog());
        List<String> page = page(ex, "/v2/_catalog", store.repositoryNames());
        ex.send(200, Exchange.JSON, JsonBodies.write(g -> {
            g.writeStartObject();
            stringArray(g, "repositories", page);
            g.writeEndObject();
        }));
    }

    private static List<String> page(Exchange ex, String path, List<String> sorted) {
        Integer n = null;
        String nParam = ex.query("n");
        if (nParam != null && !nParam.isEmpty()) {
            try {
                n = Integer.parseInt(nParam);
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n < 0) {
                throw new RegistryException(ErrorCode.UNSUPPORTED, 400, "invalid n=\"" + nParam + "\": a count >= 0 is expected");
            }
        }
        String last = ex.query("last");
        List<String> page = Exchange.page(sorted, last, n);
        if (n != null && n > 0 && page.size() == n) {
            String lastOfPage = page.getLast();
            if (!sorted.isEmpty() && sorted.getLast().compareTo(lastOfPage) > 0) {
                ex.setHeader("Link", Exchange.nextLink(path, n, lastOfPage));
            }
        }
        return page;
    }

    void referrers(Exchange ex, RepositoryName name, String reference) {
        requireGet(ex);
        Digest subject = Digests.parse(reference);
        access.pull(ex, name);
        String filter = ex.query("artifactType");
        List<StoredManifest> referrers = store.referrers(name, subject);
        if (filter != null) {
            referrers = referrers.stream().filter(m -> m.facts().artifactType().filter(filter::equals).isPresent()).toList();
            ex.setHeader("OCI-Filters-Applied", "artifactType");
        }
        List<StoredManifest> listed = referrers;
        ex.send(200, MediaTypes.OCI_INDEX, JsonBodies.write(g -> {
            g.writeStartObject();
            g.writeNumberField("schemaVersion", 2);
            g.writeStringField("mediaType", MediaTypes.OCI_INDEX);
            g.writeArrayFieldStart("manifests");
            for (StoredManifest m : listed) {
                descriptor(g, m);
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static void descriptor(JsonGenerator g, StoredManifest m) throws IOException {
        g.writeStartObject();
        g.writeStringField("mediaType", m.mediaType());
        g.writeStringField("digest", m.digest().toString());
        g.writeNumberField("size", m.size());
        if (m.facts().artifactType().isPresent()) {
            g.writeStringField("artifactType", m.facts().artifactType().get());
        }
        if (!m.facts().annotations().isEmpty()) {
            g.writeObjectFieldStart("annotations");
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(m.facts().annotations()).entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    static void stringArray(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String value : values) {
            g.writeString(value);
        }
        g.writeEndArray();
    }

    static void requireGet(Exchange ex) {
        if (!ex.method.equals("GET") && !ex.method.equals("HEAD")) {
            throw Digests.unsupported(ex);
        }
    }
}
