package dev.strata.registry.auth;

import dev.strata.registry.auth.Authorizer.Action;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who may do what, as an ordered list of {@link AccessRule}s where the <em>first rule that matches</em> the account
 * and resource decides, and no matching rule means nothing is granted. First-match (as in docker_auth's ACLs) lets an
 * early rule with no actions carve an exception out of a later broad one, e.g. deny {@code secret/*} before granting
 * {@code *}. Immutable and thread-safe.
 */
public final class Permissions {
    /** Every authenticated account may do everything, anonymous requests nothing: Distribution's htpasswd rule. */
    public static final List<AccessRule> AUTHENTICATED_ALL = List.of(
            new AccessRule("*", "*", "*", Set.of(Action.ALL)));

    private final List<AccessRule> rules;

    public Permissions(List<AccessRule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * The rules in force: {@code rules}, or {@link #AUTHENTICATED_ALL} when there are none, followed, when
     * {@code anonymousPull}, by a rule granting anonymous requests pull on every repository.
     */
    public static Permissions of(List<AccessRule> rules, boolean anonymousPull) {
        var all = new ArrayList<>(rules.isEmpty() ? AUTHENTICATED_ALL : rules);
        if (anonymousPull) {
            all.add(AccessRule.repository(AccessRule.ANONYMOUS, "*", Action.PULL));
        }
        return new Permissions(all);
    }

    public List<AccessRule> rules() {
        return rules;
    }

    /** What the first matching rule grants {@code account} (empty: anonymous) on {@code type:name}. */
    public Set<Action> granted(Optional<String> account, String type, String name) {
        for (AccessRule rule : rules) {
            if (rule.matches(account, type, name)) {
                return rule.actions();
            }
        }
        return Set.of();
    }

    /** The part of {@code requested} that is granted: everything when the rule grants {@link Action#ALL}. */
    public Set<Action> allowed(Optional<String> account, String type, String name, Set<Action> requested) {
        Set<Action> granted = granted(account, type, name);
        if (granted.contains(Action.ALL)) {
            return Set.copyOf(requested);
        }
        Set<Action> allowed = requested.isEmpty() ? EnumSet.noneOf(Action.class) : EnumSet.copyOf(requested);
        allowed.retainAll(granted);
        return Set.copyOf(allowed);
    }

    /** Whether {@code account} may do all that {@code scope} needs. */
    public boolean permits(Optional<String> account, Authorizer.Scope scope) {
        return allowed(account, scope.type(), scope.name(), scope.actions()).equals(scope.actions());
    }
}
