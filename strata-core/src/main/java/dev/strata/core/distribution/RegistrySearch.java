package dev.strata.core.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.StrataException;
import dev.strata.core.oci.Json;
import dev.strata.core.oci.Reference;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code search}: a registry's {@code GET /v1/search} (what Docker Hub and Strata's server answer), or where a
 * registry has none (the CNCF registry answers 404) its {@code /v2/_catalog} filtered by substring, so searching works
 * on any registry. Stateless apart from the connection it is given.
 */
final class RegistrySearch {
    /** Docker Hub's search lives on its index host, not on its API host. */
    private static final String DOCKER_HUB_INDEX = "https://index.docker.io";
    private static final int CATALOG_PAGE = 1000;
    private static final int MAX_CATALOG_PAGES = 100;
    private static final int MAX_BODY = 16 << 20;
    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final RegistryHttp http;
    private final String host;

    RegistrySearch(RegistryHttp http, String host) {
        this.http = http;
        this.host = host;
    }

    /** At most {@code limit} repositories whose names match {@code term}, best first as the registry orders them. */
    List<SearchResult> search(String term, int limit) {
        String v1 = (host.equals(Reference.DEFAULT_DOMAIN) ? DOCKER_HUB_INDEX : "") + "/v1/search?q="
                + encode(term) + "&n=" + limit;
        HttpResponse<InputStream> response = http.send(RegistryHttp.Call.get(v1,
                List.of(new Scope("registry", "catalog", List.of("search"))), Map.of())); // the scope Docker asks for
        if (response.statusCode() == 200) {
            JsonNode json = read(response, "search results");
            if (json.has("results")) {
                return results(json.path("results"), limit);
            }
        } else {
            RegistryHttp.drain(response);
            if (response.statusCode() != 404 && response.statusCode() != 405 && response.statusCode() != 401
                    && response.statusCode() != 403) {
                throw new RegistryException(response.statusCode(), "", "cannot search " + host + ": GET /v1/search"
                        + " answered " + response.statusCode());
            }
        }
        return catalog(term, limit);
    }

    private static List<SearchResult> results(JsonNode array, int limit) {
        List<SearchResult> found = new ArrayList<>();
        for (JsonNode r : array) {
            if (found.size() >= limit) {
                break;
            }
            found.add(new SearchResult(r.path("name").asText(""), r.path("description").asText(""),
                    r.path("star_count").asInt(0), r.path("is_official").asBoolean(false),
                    r.path("is_automated").asBoolean(false)));
        }
        return found;
    }

    /** The catalog's repositories containing {@code term} (case-insensitive), following its pagination. */
    private List<SearchResult> catalog(String term, int limit) {
        String needle = term.toLowerCase(Locale.ROOT);
        List<SearchResult> found = new ArrayList<>();
        String next = "/v2/_catalog?n=" + CATALOG_PAGE;
        for (int page = 0; next != null && page < MAX_CATALOG_PAGES && found.size() < limit; page++) {
            HttpResponse<InputStream> response = http.send(RegistryHttp.Call.get(next, List.of(Scope.catalog()),
                    Map.of()));
            if (response.statusCode() != 200) {
                throw RegistryHttp.error(response, "cannot search " + host + ": it has no search and its catalog "
                        + "answered " + response.statusCode());
            }
            JsonNode json = read(response, "catalog");
            for (JsonNode name : json.path("repositories")) {
                String repository = name.asText("");
                if (repository.toLowerCase(Locale.ROOT).contains(needle) && found.size() < limit) {
                    found.add(new SearchResult(repository, "", 0, false, false));
                }
            }
            next = response.headers().firstValue("Link").map(l -> {
                Matcher m = NEXT_LINK.matcher(l);
                return m.find() ? m.group(1) : null;
            }).orElse(null);
        }
        return found;
    }

    private JsonNode read(HttpResponse<InputStream> response, String what) {
        try (InputStream in = response.body()) {
            return Json.tree(in.readNBytes(MAX_BODY), what + " of " + host);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot search " + host + ": "
                    + RegistryHttp.describe(e), e);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
