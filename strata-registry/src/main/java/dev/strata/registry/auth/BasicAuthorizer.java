package dev.strata.registry.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * HTTP Basic authentication against an htpasswd file, with {@link Permissions} deciding what each account may do.
 * Answers, as CNCF Distribution's htpasswd access controller does: 401 {@code UNAUTHORIZED} with
 * {@code WWW-Authenticate: Basic realm="…"} for missing or wrong credentials, and (our addition, since Distribution
 * has no permissions) 403 {@code DENIED} for a known account without the permission. {@code GET /v2/} always needs
 * credentials, so that clients learn the scheme; an anonymous request for a repository the rules open to
 * {@code anonymous} is allowed without any. Thread-safe.
 */
public final class BasicAuthorizer implements Authorizer {
    private final Htpasswd htpasswd;
    private final Permissions permissions;
    private final String challenge;

    public BasicAuthorizer(Htpasswd htpasswd, Permissions permissions, String realm) {
        this.htpasswd = Objects.requireNonNull(htpasswd, "htpasswd");
        this.permissions = Objects.requireNonNull(permissions, "permissions");
        this.challenge = Challenges.basic(realm);
    }

    @Override
    public Decision authorize(String authorization, Scope scope) {
        Optional<BasicCredentials> credentials = BasicCredentials.parse(authorization);
        // a malformed or empty Basic header counts as none; another scheme (a Bearer token) is refused
        boolean otherScheme = authorization != null && !authorization.isBlank()
                && !BasicCredentials.isBasic(authorization);
        if (otherScheme) {
            return unauthorized("authentication required: only Basic credentials are accepted");
        }
        if (credentials.isEmpty()) {
            if (!scope.equals(Scope.BASE) && permissions.permits(Optional.empty(), scope)) {
                return new Decision.Allowed(AccessRule.ANONYMOUS);
            }
            return unauthorized("authentication required");
        }
        BasicCredentials user = credentials.get();
        if (!htpasswd.authenticate(user.user(), user.password())) {
            return unauthorized("invalid user name or password");
        }
        if (scope.equals(Scope.BASE) || permissions.permits(Optional.of(user.user()), scope)) {
            return new Decision.Allowed(user.user());
        }
        return new Decision.Denied(403, "DENIED", "requested access to the resource is denied", Optional.empty());
    }

    private Decision unauthorized(String message) {
        return new Decision.Denied(401, "UNAUTHORIZED", message, Optional.of(challenge));
    }
}
