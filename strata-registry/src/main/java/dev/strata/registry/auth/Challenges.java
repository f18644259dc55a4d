package dev.strata.registry.auth;

import dev.strata.registry.auth.Authorizer.Action;
import dev.strata.registry.auth.Authorizer.Scope;
import java.util.stream.Collectors;

/** Writes {@code WWW-Authenticate} values and scope strings as RFC 7235 and Docker's token spec spell them. */
final class Challenges {
    private Challenges() {}

    static String basic(String realm) {
        return "Basic realm=" + quote(realm);
    }

    /**
     * {@code Bearer realm="…",service="…"}, then {@code scope="…"} unless the operation is {@code GET /v2/}, then
     * {@code error="…"} when given — Distribution's order.
     */
    static String bearer(String realm, String service, Scope scope, String error) {
        var text = new StringBuilder("Bearer realm=").append(quote(realm)).append(",service=").append(quote(service));
        if (!scope.equals(Scope.BASE)) {
            text.append(",scope=").append(quote(scopeString(scope)));
        }
        if (error != null) {
            text.append(",error=").append(quote(error));
        }
        return text.toString();
    }

    /** {@code type:name:action,action}, actions in {@link Action} order. */
    static String scopeString(Scope scope) {
        return scope.type() + ":" + scope.name() + ":" + scope.actions().stream()
                .sorted()
                .map(Action::word)
                .collect(Collectors.joining(","));
    }

    private static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
