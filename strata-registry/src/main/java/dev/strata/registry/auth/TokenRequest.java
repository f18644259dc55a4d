package dev.strata.registry.auth;

import dev.strata.registry.auth.Authorizer.Action;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the scopes a client asks the token service for. A scope is {@code type[(class)]:name:action,action}; the
 * name may itself hold colons (a {@code host:port/} prefix), so the type is everything up to the first colon and the
 * actions everything after the last. Unknown actions are dropped. Stateless.
 */
final class TokenRequest {
    private TokenRequest() {}

    /** One requested resource and the known actions asked for on it. */
    record Requested(String type, String name, Set<Action> actions) {}

    /** The scopes in {@code values}: repeated parameters (GET), each possibly space-separated (OAuth2 POST). */
    static List<Requested> scopes(List<String> values) {
        var scopes = new ArrayList<Requested>();
        for (String value : values) {
            for (String scope : value.trim().split("\\s+")) {
                parse(scope).ifPresent(scopes::add);
            }
        }
        return scopes;
    }

    static Optional<Requested> parse(String scope) {
        int first = scope.indexOf(':');
        int last = scope.lastIndexOf(':');
        if (first <= 0 || last == first) {
            return Optional.empty();
        }
        String type = scope.substring(0, first);
        int paren = type.indexOf('(');
        if (paren > 0) {
            type = type.substring(0, paren);
        }
        var actions = EnumSet.noneOf(Action.class);
        for (String word : scope.substring(last + 1).split(",")) {
            for (Action action : Action.values()) {
                if (action.word().equals(word.trim())) {
                    actions.add(action);
                }
            }
        }
        String name = scope.substring(first + 1, last);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Requested(type, name, actions));
    }

    /** The access claim for {@code account}: each requested scope cut down to what {@code permissions} allow. */
    static List<TokenClaims.AccessEntry> grant(Permissions permissions, Optional<String> account,
                                               List<Requested> requested) {
        var access = new ArrayList<TokenClaims.AccessEntry>();
        for (Requested scope : requested) {
            Set<Action> allowed = permissions.allowed(account, scope.type(), scope.name(), scope.actions());
            if (!allowed.isEmpty()) {
                access.add(new TokenClaims.AccessEntry(scope.type(), scope.name(),
                        allowed.stream().sorted().map(Action::word).toList()));
            }
        }
        return access;
    }
}
