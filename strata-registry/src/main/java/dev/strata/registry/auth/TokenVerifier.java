package dev.strata.registry.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.registry.auth.jose.InvalidTokenException;
import dev.strata.registry.auth.jose.Jws;
import dev.strata.registry.auth.jose.TrustedKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Verifies registry tokens as the CNCF registry does: signature by a trusted key (see {@link TrustedKeys}), issuer,
 * audience (the service), expiry and not-before with a {@link #LEEWAY} for clock skew; then reads the
 * {@code access} claim. Thread-safe.
 */
public final class TokenVerifier {
    /** Clock skew tolerated on {@code exp} and {@code nbf}: Distribution's 60 seconds. */
    public static final Duration LEEWAY = Duration.ofSeconds(60);

    private final TrustedKeys trustedKeys;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    public TokenVerifier(TrustedKeys trustedKeys, String issuer, String audience, Clock clock) {
        this.trustedKeys = Objects.requireNonNull(trustedKeys, "trustedKeys");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The claims of {@code token}, or {@link InvalidTokenException} saying why it cannot be trusted. */
    public TokenClaims verify(String token) {
        JsonNode claims = verifiedClaims(token);
        String subject = claims.path("sub").asText("");
        return new TokenClaims(claims.path("iss").asText(), subject.isEmpty() ? Optional.empty() : Optional.of(subject),
                strings(claims.path("aud")), time(claims, "exp").orElseThrow(), time(claims, "nbf"),
                time(claims, "iat"), Optional.ofNullable(claims.path("jti").textValue()), access(claims.path("access")));
    }

    /** The raw claims of {@code token} once signature, issuer, audience and times are checked. */
    JsonNode verifiedClaims(String token) {
        Instant now = clock.instant();
        Jws.Parsed parsed = Jws.parse(token);
        parsed.verify(trustedKeys.signingKey(parsed, now));
        JsonNode claims = parsed.claims();
        String tokenIssuer = claims.path("iss").asText("");
        if (!tokenIssuer.equals(issuer)) {
            throw new InvalidTokenException("token issuer \"" + tokenIssuer + "\" is not the trusted \"" + issuer + "\"");
        }
        List<String> audiences = strings(claims.path("aud"));
        if (!audiences.contains(audience)) {
            throw new InvalidTokenException("token audience " + audiences + " does not include \"" + audience + "\"");
        }
        Instant expiresAt = time(claims, "exp").orElseThrow(() -> new InvalidTokenException("token has no exp"));
        if (now.isAfter(expiresAt.plus(LEEWAY))) {
            throw new InvalidTokenException("token expired at " + expiresAt);
        }
        Optional<Instant> notBefore = time(claims, "nbf");
        if (notBefore.isPresent() && now.isBefore(notBefore.get().minus(LEEWAY))) {
            throw new InvalidTokenException("token is not valid before " + notBefore.get());
        }
        return claims;
    }

    private static Optional<Instant> time(JsonNode claims, String name) {
        JsonNode value = claims.path(name);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            throw new InvalidTokenException("token claim " + name + " is not a number");
        }
        return Optional.of(Instant.ofEpochSecond(value.asLong()));
    }

    private static List<String> strings(JsonNode value) {
        var list = new ArrayList<String>();
        if (value.isTextual()) {
            list.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(item -> list.add(item.asText()));
        }
        return list;
    }

    private static List<TokenClaims.AccessEntry> access(JsonNode value) {
        var entries = new ArrayList<TokenClaims.AccessEntry>();
        if (value.isArray()) {
            for (JsonNode entry : value) {
                entries.add(new TokenClaims.AccessEntry(entry.path("type").asText(""), entry.path("name").asText(""),
                        strings(entry.path("actions"))));
            }
        } else if (!value.isMissingNode() && !value.isNull()) {
            throw new InvalidTokenException("token access claim is not a list");
        }
        return entries;
    }
}
