package dev.strata.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.registry.auth.jose.InvalidTokenException;
import dev.strata.registry.auth.jose.Jws;
import dev.strata.registry.auth.jose.SigningKey;
import dev.strata.registry.auth.jose.TrustedKeys;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Issues signed registry tokens: access tokens (a JWT whose {@code aud} is the service and whose {@code access}
 * claim lists what was granted) and refresh tokens (a JWT for the audience {@code refresh:SERVICE}, which no registry
 * accepts as an access token, bound to the account's htpasswd entry). Thread-safe.
 */
public final class TokenIssuer {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINGERPRINT = "strata_pwh";

    private final SigningKey key;
    private final String issuer;
    private final String service;
    private final Duration expiration;
    private final Duration refreshExpiration;
    private final Clock clock;
    private final SecureRandom random;
    private final TokenVerifier refreshVerifier;

    public TokenIssuer(SigningKey key, String issuer, String service, Duration expiration, Duration refreshExpiration,
                       Clock clock, SecureRandom random) {
        this.key = Objects.requireNonNull(key, "key");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.service = Objects.requireNonNull(service, "service");
        this.expiration = Objects.requireNonNull(expiration, "expiration");
        this.refreshExpiration = Objects.requireNonNull(refreshExpiration, "refreshExpiration");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
        this.refreshVerifier = new TokenVerifier(new TrustedKeys(key.chain()), issuer, refreshAudience(), clock);
    }

    /** A signed access token. */
    public record Issued(String token, Instant issuedAt, Duration expiresIn) {}

    /** A verified refresh token: the account and the fingerprint of its htpasswd entry when it was issued. */
    public record RefreshGrant(String subject, String fingerprint) {}

    public SigningKey key() {
        return key;
    }

    public String service() {
        return service;
    }

    /** An access token for {@code subject} (empty: anonymous, {@code sub} is then empty as in Docker Hub's). */
    public Issued issue(Optional<String> subject, List<TokenClaims.AccessEntry> access) {
        Instant now = clock.instant();
        ObjectNode claims = baseClaims(subject.orElse(""), service, now, expiration);
        var list = claims.putArray("access");
        for (TokenClaims.AccessEntry entry : access) {
            ObjectNode item = list.addObject();
            item.put("type", entry.type());
            item.put("name", entry.name());
            var actions = item.putArray("actions");
            entry.actions().forEach(actions::add);
        }
        return new Issued(Jws.sign(key, claims), now, expiration);
    }

    /** A refresh token for {@code subject}, valid while its htpasswd entry keeps {@code fingerprint}. */
    public String refreshToken(String subject, String fingerprint) {
        ObjectNode claims = baseClaims(subject, refreshAudience(), clock.instant(), refreshExpiration);
        claims.put(FINGERPRINT, fingerprint);
        return Jws.sign(key, claims);
    }

    /** The grant in a refresh token this issuer made, or {@link InvalidTokenException}. */
    public RefreshGrant readRefreshToken(String token) {
        JsonNode claims = refreshVerifier.verifiedClaims(token);
        String subject = claims.path("sub").asText("");
        String fingerprint = claims.path(FINGERPRINT).asText("");
        if (subject.isEmpty() || fingerprint.isEmpty()) {
            throw new InvalidTokenException("refresh token names no account");
        }
        return new RefreshGrant(subject, fingerprint);
    }

    private ObjectNode baseClaims(String subject, String audience, Instant now, Duration lifetime) {
        ObjectNode claims = JSON.createObjectNode();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        // a single string, not a list: CNCF registry 2.8 reads aud as a string
        claims.put("aud", audience);
        claims.put("exp", now.plus(lifetime).getEpochSecond());
        claims.put("nbf", now.getEpochSecond());
        claims.put("iat", now.getEpochSecond());
        byte[] id = new byte[16];
        random.nextBytes(id);
        claims.put("jti", Base64.getUrlEncoder().withoutPadding().encodeToString(id));
        return claims;
    }

    private String refreshAudience() {
        return "refresh:" + service;
    }
}
