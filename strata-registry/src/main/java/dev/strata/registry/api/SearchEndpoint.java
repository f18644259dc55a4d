package dev.strata.registry.api;

import dev.strata.registry.spec.RepositoryName;
import dev.strata.registry.storage.RegistryStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/search?q=&n=&page=}: Docker Hub's v1 search answer over this registry's repositories (those the
 * client may pull whose name contains the query), so {@code docker search} / {@code strata search} work against it.
 */
final class SearchEndpoint {
    private static final int DEFAULT_PAGE_SIZE = 25;
    private static final int MAX_PAGE_SIZE = 100;

    private final RegistryStore store;
    private final Access access;

    SearchEndpoint(RegistryStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    void handle(Exchange ex) {
        ListingEndpoints.requireGet(ex);
        String query = ex.query("q") == null ? "" : ex.query("q").strip();
        int pageSize = Math.min(MAX_PAGE_SIZE, number(ex.query("n"), DEFAULT_PAGE_SIZE));
        int page = number(ex.query("page"), 1);
        String needle = query.toLowerCase(Locale.ROOT);
        List<String> matches = new ArrayList<>();
        for (String name : store.repositoryNames()) {
            if (name.contains(needle) && access.mayPull(ex, new RepositoryName(name))) {
                matches.add(name);
            }
        }
        int from = Math.min(matches.size(), (page - 1) * pageSize);
        List<String> results = matches.subList(from, Math.min(matches.size(), from + pageSize));
        int pages = (matches.size() + pageSize - 1) / pageSize;
        ex.send(200, Exchange.JSON, JsonBodies.write(g -> {
            g.writeStartObject();
            g.writeNumberField("num_pages", pages);
            g.writeNumberField("num_results", matches.size());
            g.writeNumberField("page", page);
            g.writeNumberField("page_size", pageSize);
            g.writeStringField("query", query);
            g.writeArrayFieldStart("results");
            for (String name : results) {
                g.writeStartObject();
                g.writeStringField("name", name);
                g.writeStringField("description", "");
                g.writeNumberField("star_count", 0);
                g.writeBooleanField("is_official", false);
                g.writeBooleanField("is_automated", false);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }));
    }

    private static int number(String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            return value > 0 ? value : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
