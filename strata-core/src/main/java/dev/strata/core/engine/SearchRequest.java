package dev.strata.core.engine;

import java.util.List;

/**
 * {@code search [HOST/]TERM}: at most {@code limit} results (1–100), kept when they pass every {@code filters} entry
 * ({@code stars=N}, {@code is-official=true|false}, {@code is-automated=true|false}).
 */
public record SearchRequest(String term, int limit, List<String> filters, RegistrySettings settings) {
    public static final int DEFAULT_LIMIT = 25;

    public SearchRequest {
        filters = List.copyOf(filters);
    }
}
