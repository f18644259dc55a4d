package dev.strata.registry.auth;

import dev.strata.registry.auth.Authorizer.Scope;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The claims of a verified registry token (Docker's token authentication spec): who it was issued to, for which
 * service, when, and the {@code access} it grants. Immutable.
 *
 * @param subject the account, or empty for an anonymous token ({@code sub} empty or absent)
 */
public record TokenClaims(String issuer, Optional<String> subject, List<String> audience, Instant expiresAt,
                          Optional<Instant> notBefore, Optional<Instant> issuedAt, Optional<String> id,
                          List<AccessEntry> access) {
    public TokenClaims {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(subject, "subject");
        audience = List.copyOf(audience);
        Objects.requireNonNull(expiresAt, "expiresAt");
        access = List.copyOf(access);
    }

    /** One entry of the {@code access} claim: a resource and the actions granted on it. */
    public record AccessEntry(String type, String name, List<String> actions) {
        public AccessEntry {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            actions = List.copyOf(actions);
        }
    }

    /** Whether the {@code access} claim grants every action {@code scope} needs, an action {@code *} granting all. */
    public boolean covers(Scope scope) {
        return scope.actions().stream().allMatch(action -> access.stream().anyMatch(entry ->
                entry.type().equals(scope.type()) && entry.name().equals(scope.name())
                        && (entry.actions().contains(action.word()) || entry.actions().contains("*"))));
    }
}
