package dev.strata.registry.api;

import dev.strata.registry.auth.Authorizer;
import dev.strata.registry.auth.Authorizer.Action;
import dev.strata.registry.auth.Authorizer.Decision;
import dev.strata.registry.auth.Authorizer.Scope;
import dev.strata.registry.spec.RepositoryName;
import java.util.Set;

/** Asks the {@link Authorizer} before each operation and turns a refusal into a {@link Refused} the handler answers. */
final class Access {
    /** Running a garbage collection: an administrator's right, like the catalog. */
    static final Scope GC = new Scope("registry", "gc", Set.of(Action.ALL));

    /** Thrown when the authorizer refuses; carries its answer. */
    static final class Refused extends RuntimeException {
        final Decision.Denied denied;

        Refused(Decision.Denied denied) {
            super(denied.message(), null, false, false);
            this.denied = denied;
        }
    }

    private final Authorizer authorizer;

    Access(Authorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Lets the exchange go on (recording its subject) or throws {@link Refused}. */
    void require(Exchange exchange, Scope scope) {
        Decision decision = authorizer.authorize(exchange.header("Authorization"), scope);
        switch (decision) {
            case Decision.Allowed allowed -> exchange.subject(allowed.subject());
            case Decision.Denied denied -> throw new Refused(denied);
        }
    }

    void pull(Exchange exchange, RepositoryName name) {
        require(exchange, Scope.repository(name.value(), Action.PULL));
    }

    void push(Exchange exchange, RepositoryName name) {
        require(exchange, Scope.repository(name.value(), Action.PULL, Action.PUSH));
    }

    void delete(Exchange exchange, RepositoryName name) {
        require(exchange, Scope.repository(name.value(), Action.DELETE));
    }

    /** Whether this request's credentials may pull from {@code name} (for mounts and searches; never throws). */
    boolean mayPull(Exchange exchange, RepositoryName name) {
        return authorizer.authorize(exchange.header("Authorization"),
                Scope.repository(name.value(), Action.PULL)) instanceof Decision.Allowed;
    }
}
