package dev.strata.registry.auth;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides whether a request may do what it asks on a resource: the registry calls it before every operation, with
 * the request's {@code Authorization} header and the scope the operation needs (the scope grammar of the Docker
 * token specification: {@code repository:NAME:pull,push}, {@code registry:catalog:*}). Implementations are
 * thread-safe.
 */
public interface Authorizer {
    /** Lets every request do everything: a registry without authentication. */
    Authorizer ALLOW_ALL = (authorization, scope) -> new Decision.Allowed("anonymous");

    /**
     * Checks a request.
     *
     * @param authorization the request's {@code Authorization} header, or null when it sent none
     * @param scope what the operation needs; {@link Scope#BASE} for {@code GET /v2/}
     */
    Decision authorize(String authorization, Scope scope);

    /** The actions of the token specification's scopes. */
    enum Action {
        PULL("pull"), PUSH("push"), DELETE("delete"), ALL("*");

        private final String word;

        Action(String word) {
            this.word = word;
        }

        /** The action as scopes spell it. */
        public String word() {
            return word;
        }
    }

    /**
     * What an operation needs: a resource type ({@code repository} or {@code registry}), its name (a repository
     * name, or {@code catalog}) and the actions.
     */
    record Scope(String type, String name, Set<Action> actions) {
        /** {@code GET /v2/}: any authenticated (or anonymous, where allowed) client may ask. */
        public static final Scope BASE = new Scope("registry", "", Set.of());

        public Scope {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(name, "name");
            actions = Set.copyOf(actions);
        }

        public static Scope repository(String name, Action... actions) {
            return new Scope("repository", name, Set.of(actions));
        }

        public static Scope catalog() {
            return new Scope("registry", "catalog", Set.of(Action.ALL));
        }
    }

    /** The answer for one request. */
    sealed interface Decision {
        /** The request may proceed; {@code subject} is the user name (or {@code anonymous}) for the access log. */
        record Allowed(String subject) implements Decision {}

        /**
         * The request is refused. {@code status} is 401 (no or bad credentials: the registry sends {@code challenge}
         * as {@code WWW-Authenticate}) or 403 (known user without the permission); {@code code} is the
         * distribution-spec error code ({@code UNAUTHORIZED}, {@code DENIED}) and {@code message} its text.
         */
        record Denied(int status, String code, String message, Optional<String> challenge) implements Decision {}
    }
}
