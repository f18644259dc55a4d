package dev.strata.core.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.StrataException;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers one registry's authentication challenge for each request: nothing, a Basic header, or a Bearer token
 * from the registry's token service for the request's scopes (GET with Basic credentials, or the OAuth2 POST with
 * an identity token), cached per set of scopes until shortly before it expires. Thread-safe.
 */
final class Authenticator {
    private static final Duration MIN_LIFETIME = Duration.ofSeconds(60); // what Docker assumes when told less
    private static final Duration MARGIN = Duration.ofSeconds(5);
    private static final String CLIENT_ID = "strata";

    private final AuthConfig auth;
    private final Clock clock;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private volatile Challenge challenge;

    record Token(String value, String refreshToken, Instant expires) {}

    Authenticator(AuthConfig auth, Clock clock) {
        this.auth = auth;
        this.clock = clock;
    }

    /** Takes the registry's challenge (from a ping or a 401); prefers Bearer, as Docker does. */
    void challenged(List<Challenge> challenges) {
        Challenge chosen = null;
        for (Challenge c : challenges) {
            if (c.isBearer() && c.parameter("realm") != null) {
                chosen = c;
                break;
            }
            if (c.isBasic() && chosen == null) {
                chosen = c;
            }
        }
        if (chosen != null) {
            challenge = chosen;
        }
    }

    Challenge challenge() {
        return challenge;
    }

    /** Forgets the token for these scopes (the registry refused it). */
    void invalidate(List<Scope> scopes) {
        tokens.remove(key(scopes));
    }

    /** The Authorization header for a request needing these scopes, or null when none is needed or possible. */
    String header(HttpClient http, List<Scope> scopes) {
        Challenge c = challenge;
        if (c == null) {
            return null;
        }
        if (c.isBasic()) {
            return auth.hasPassword() ? basic() : null;
        }
        return "Bearer " + token(http, scopes, false).value();
    }

    private String basic() {
        String pair = auth.username() + ":" + auth.password();
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** A token for these scopes, fetched now if the cache has none or only one about to expire. */
    Token token(HttpClient http, List<Scope> scopes, boolean offline) {
        String key = key(scopes);
        Token cached = tokens.get(key);
        if (cached != null && clock.instant().plus(MARGIN).isBefore(cached.expires())) {
            return cached;
        }
        synchronized (this) {
            cached = tokens.get(key);
            if (cached != null && clock.instant().plus(MARGIN).isBefore(cached.expires())) {
                return cached;
            }
            Token fresh = fetch(http, scopes, offline);
            tokens.put(key, fresh);
            return fresh;
        }
    }

    private static String key(List<Scope> scopes) {
        TreeSet<String> sorted = new TreeSet<>();
        scopes.forEach(s -> sorted.add(s.toString()));
        return String.join(" ", sorted);
    }

    private Token fetch(HttpClient http, List<Scope> scopes, boolean offline) {
        Challenge c = challenge;
        String realm = c.parameter("realm");
        String service = c.parameter("service");
        HttpRequest request;
        if (auth.identityToken() != null) {
            StringBuilder form = new StringBuilder("grant_type=refresh_token&client_id=" + CLIENT_ID
                    + "&refresh_token=" + encode(auth.identityToken()));
            if (service != null) {
                form.append("&service=").append(encode(service));
            }
            if (!scopes.isEmpty()) {
                form.append("&scope=").append(encode(String.join(" ", scopes.stream().map(Scope::toString).toList())));
            }
            request = HttpRequest.newBuilder(URI.create(realm)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build();
        } else {
            List<String> query = new ArrayList<>();
            if (service != null) {
                query.add("service=" + encode(service));
            }
            scopes.forEach(s -> query.add("scope=" + encode(s.toString())));
            if (auth.username() != null) {
                query.add("account=" + encode(auth.username()));
            }
            if (offline && auth.hasPassword()) {
                query.add("offline_token=true");
                query.add("client_id=" + CLIENT_ID);
            }
            String separator = realm.contains("?") ? "&" : "?";
            URI uri = URI.create(query.isEmpty() ? realm : realm + separator + String.join("&", query));
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
            if (auth.hasPassword()) {
                b.header("Authorization", basic());
            }
            request = b.build();
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(1 << 20);
            }
            if (response.statusCode() == 401 || response.statusCode() == 403) {
                throw new RegistryException(401, "UNAUTHORIZED", auth.isAnonymous()
                        ? "unauthorized: authentication required"
                        : "unauthorized: incorrect username or password");
            }
            if (response.statusCode() != 200) {
                throw new RegistryException(response.statusCode(), "", "cannot get a token from " + realm
                        + ": the token service answered " + response.statusCode());
            }
            return parse(body, realm);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot get a token from " + realm + ": "
                    + RegistryHttp.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while getting a token", e);
        }
    }

    private Token parse(byte[] body, String realm) {
        JsonNode json = Json.tree(body, "token response of " + realm);
        String value = json.path("token").asText("");
        if (value.isEmpty()) {
            value = json.path("access_token").asText("");
        }
        if (value.isEmpty()) {
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot use the token service " + realm
                    + ": its answer has no token");
        }
        Duration lifetime = Duration.ofSeconds(json.path("expires_in").asLong(0));
        if (lifetime.compareTo(MIN_LIFETIME) < 0) {
            lifetime = MIN_LIFETIME;
        }
        Instant issued = clock.instant();
        String issuedAt = json.path("issued_at").asText("");
        if (!issuedAt.isEmpty()) {
            try {
                issued = Instant.parse(issuedAt);
            } catch (DateTimeParseException e) {
                // a malformed time: count from now, as Docker does
            }
        }
        String refresh = json.path("refresh_token").asText("");
        return new Token(value, refresh.isEmpty() ? null : refresh, issued.plus(lifetime));
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
