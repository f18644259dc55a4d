package dev.strata.registry.auth;

import dev.strata.registry.auth.jose.InvalidTokenException;
import java.util.Objects;
import java.util.Optional;

/**
 * Bearer-token authentication as CNCF Distribution's token access controller does it: every request, {@code GET
 * /v2/} included, needs a token the {@link TokenVerifier} trusts whose {@code access} claim covers the operation.
 * Otherwise 401 {@code UNAUTHORIZED} with {@code WWW-Authenticate: Bearer realm="…",service="…",scope="…"}, plus
 * {@code error="invalid_token"} for a bad or expired token and {@code error="insufficient_scope"} for a good one that
 * does not cover the operation — Distribution answers that with 401 too (not 403), so that clients fetch a token for
 * the wider scope. Anonymous access is the token service's business (it issues anonymous tokens). Thread-safe.
 */
public final class TokenAuthorizer implements Authorizer {
    private final TokenVerifier verifier;
    private final String realm;
    private final String service;

    public TokenAuthorizer(TokenVerifier verifier, String realm, String service) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.realm = Objects.requireNonNull(realm, "realm");
        this.service = Objects.requireNonNull(service, "service");
    }

    @Override
    public Decision authorize(String authorization, Scope scope) {
        if (authorization == null || authorization.length() < 7
                || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return denied(scope, null, "authentication required");
        }
        TokenClaims claims;
        try {
            claims = verifier.verify(authorization.substring(7).strip());
        } catch (InvalidTokenException e) {
            return denied(scope, "invalid_token", e.getMessage());
        }
        if (!claims.covers(scope)) {
            return denied(scope, "insufficient_scope", "authentication required");
        }
        return new Decision.Allowed(claims.subject().orElse(AccessRule.ANONYMOUS));
    }

    private Decision denied(Scope scope, String error, String message) {
        return new Decision.Denied(401, "UNAUTHORIZED", message,
                Optional.of(Challenges.bearer(realm, service, scope, error)));
    }
}
