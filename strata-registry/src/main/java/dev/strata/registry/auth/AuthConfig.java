package dev.strata.registry.auth;

import dev.strata.registry.auth.Authorizer.Action;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the registry's authentication needs, read from the {@code auth:} section of a configuration shaped like
 * CNCF Distribution's ({@link #fromMap}) or built from command-line flags ({@link #builder}). Without htpasswd or
 * token settings the registry is open; with htpasswd alone it takes Basic credentials; with token settings it takes
 * Bearer tokens, issued by its own token service (accounts from htpasswd) unless {@code realm} names another one.
 * Immutable.
 *
 * <pre>
 * auth:
 *   htpasswd: {realm: strata, path: /etc/strata/htpasswd}
 *   token:                          # Distribution's keys:
 *     realm: https://auth.example/token  # absent: our own token service at PUBLIC-URL + path
 *     service: registry.example
 *     issuer: strata
 *     rootcertbundle: /etc/strata/token-ca.pem   # more keys to trust (required when realm is another server)
 *     signingkey: /etc/strata/token.key          # ours: PEM key; absent: generated under the storage root
 *     certificate: /etc/strata/token.crt         # ours: its certificate chain (for x5c)
 *     expiration: 5m                             # ours: access token lifetime
 *     path: /auth/token                          # ours: where our token service is mounted
 *   anonymous: pull                 # ours: anonymous requests may pull every repository
 *   access:                         # ours: first matching rule wins (see Permissions)
 *     - {account: admin, type: registry, name: catalog, actions: ["*"]}
 *     - {account: "*", name: "${account}/*", actions: [pull, push, delete]}
 * </pre>
 *
 * @param stateDirectory where a generated token key is kept ({@code STORAGE/auth}); empty: a key per process
 */
public record AuthConfig(Optional<HtpasswdSettings> htpasswd, Optional<TokenSettings> token, boolean anonymousPull,
                         List<AccessRule> access, Optional<Path> stateDirectory) {
    /** The default token path and Basic realm. */
    public static final String DEFAULT_TOKEN_PATH = "/auth/token";
    public static final String DEFAULT_REALM = "strata";

    /** No authentication: every request may do everything. */
    public static final AuthConfig NONE = new AuthConfig(Optional.empty(), Optional.empty(), false, List.of(),
            Optional.empty());

    public AuthConfig {
        Objects.requireNonNull(htpasswd, "htpasswd");
        Objects.requireNonNull(token, "token");
        access = List.copyOf(access);
        Objects.requireNonNull(stateDirectory, "stateDirectory");
        if (htpasswd.isEmpty() && token.isEmpty() && (anonymousPull || !access.isEmpty())) {
            throw ConfigSection.invalid("anonymous and access rules need htpasswd or token authentication");
        }
        if (token.isPresent() && !token.get().serve() && htpasswd.isPresent()) {
            throw ConfigSection.invalid("htpasswd accounts and an external token realm exclude each other: "
                    + "drop auth.token.realm to issue tokens here");
        }
    }

    /** The htpasswd file and the realm of the Basic challenge. */
    public record HtpasswdSettings(String realm, Path path) {
        public HtpasswdSettings {
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * Token authentication.
     *
     * @param realm       the token service's URL; empty: ours, at the public URL + {@code path}
     * @param serve       whether this registry runs the token service (default: when {@code realm} is empty)
     * @param expiration  access token lifetime; {@code refreshExpiration} that of refresh tokens
     */
    public record TokenSettings(Optional<URI> realm, String service, String issuer, Optional<Path> rootCertBundle,
                                Optional<Path> signingKey, Optional<Path> certificate, Duration expiration,
                                Duration refreshExpiration, String path, boolean serve) {
        public TokenSettings {
            Objects.requireNonNull(realm, "realm");
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(issuer, "issuer");
            Objects.requireNonNull(rootCertBundle, "rootCertBundle");
            Objects.requireNonNull(signingKey, "signingKey");
            Objects.requireNonNull(certificate, "certificate");
            if (expiration.isNegative() || expiration.isZero() || refreshExpiration.isNegative()) {
                throw ConfigSection.invalid("token lifetimes must be positive");
            }
            if (!path.startsWith("/")) {
                throw ConfigSection.invalid("auth.token.path must start with /");
            }
            if (!serve && (realm.isEmpty() || rootCertBundle.isEmpty())) {
                throw ConfigSection.invalid("a registry that does not issue its own tokens needs auth.token.realm "
                        + "and auth.token.rootcertbundle (the token server's certificate)");
            }
        }
    }

    /** This configuration with the registry's storage directory for generated keys. */
    public AuthConfig withStateDirectory(Path directory) {
        return new AuthConfig(htpasswd, token, anonymousPull, access, Optional.of(directory));
    }

    /** Reads the {@code auth:} section (already parsed from YAML into maps, lists and scalars); null means none. */
    public static AuthConfig fromMap(Map<String, Object> section) {
        var auth = new ConfigSection("auth", section);
        auth.onlyKeys(Set.of("htpasswd", "token", "anonymous", "access"));
        var builder = builder();
        auth.section("htpasswd").ifPresent(h -> {
            h.onlyKeys(Set.of("realm", "path"));
            builder.htpasswd(Path.of(h.requiredString("path"))).realm(h.string("realm").orElse(DEFAULT_REALM));
        });
        auth.section("token").ifPresent(t -> {
            t.onlyKeys(Set.of("realm", "service", "issuer", "rootcertbundle", "signingkey", "certificate",
                    "expiration", "refreshexpiration", "path", "serve", "autoredirect"));
            builder.token(t.requiredString("service"), t.requiredString("issuer"));
            t.string("realm").ifPresent(r -> builder.tokenRealm(URI.create(r)));
            t.file("rootcertbundle").ifPresent(builder::tokenRootCertBundle);
            t.file("signingkey").ifPresent(k -> builder.tokenSigningKey(k, t.file("certificate")));
            t.duration("expiration").ifPresent(builder::tokenExpiration);
            t.duration("refreshexpiration").ifPresent(builder::refreshExpiration);
            t.string("path").ifPresent(builder::tokenPath);
            t.bool("serve").ifPresent(builder::serveTokens);
        });
        auth.string("anonymous").ifPresent(a -> {
            switch (a) {
                case "pull" -> builder.anonymousPull(true);
                case "none", "false" -> builder.anonymousPull(false);
                default -> throw ConfigSection.invalid("auth.anonymous must be pull or none, not " + a);
            }
        });
        List<?> rules = auth.list("access");
        for (int i = 0; i < rules.size(); i++) {
            builder.rule(rule(rules.get(i), "auth.access[" + i + "]"));
        }
        return builder.build();
    }

    @SuppressWarnings("unchecked")
    private static AccessRule rule(Object item, String path) {
        if (!(item instanceof Map<?, ?> map)) {
            throw ConfigSection.invalid(path + " must be a mapping with account, name and actions");
        }
        var rule = new ConfigSection(path, (Map<String, Object>) map);
        rule.onlyKeys(Set.of("account", "type", "name", "actions"));
        var actions = EnumSet.noneOf(Action.class);
        for (Object word : rule.list("actions")) {
            actions.add(action(String.valueOf(word), path));
        }
        return new AccessRule(rule.requiredString("account"), rule.string("type").orElse("repository"),
                rule.requiredString("name"), actions);
    }

    private static Action action(String word, String path) {
        for (Action action : Action.values()) {
            if (action.word().equals(word)) {
                return action;
            }
        }
        throw ConfigSection.invalid(path + ".actions: unknown action " + word + " (pull, push, delete or *)");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link AuthConfig} step by step, as the command line's flags arrive. Not thread-safe. */
    public static final class Builder {
        private Path htpasswd;
        private String realm = DEFAULT_REALM;
        private boolean anonymousPull;
        private final List<AccessRule> rules = new ArrayList<>();
        private String service;
        private String issuer;
        private URI tokenRealm;
        private Path rootCertBundle;
        private Path signingKey;
        private Path certificate;
        private Duration expiration = Duration.ofMinutes(5);
        private Duration refreshExpiration = Duration.ofDays(90);
        private String tokenPath = DEFAULT_TOKEN_PATH;
        private Boolean serve;
        private Path stateDirectory;

        private Builder() {}

        /** {@code --htpasswd FILE}. */
        public Builder htpasswd(Path file) {
            this.htpasswd = file;
            return this;
        }

        /** The realm of Basic challenges. */
        public Builder realm(String realm) {
            this.realm = realm;
            return this;
        }

        /** {@code --anonymous-pull}. */
        public Builder anonymousPull(boolean anonymousPull) {
            this.anonymousPull = anonymousPull;
            return this;
        }

        public Builder rule(AccessRule rule) {
            rules.add(rule);
            return this;
        }

        /** Token authentication for {@code service} ({@code aud}) with tokens from {@code issuer} ({@code iss}). */
        public Builder token(String service, String issuer) {
            this.service = service;
            this.issuer = issuer;
            return this;
        }

        public Builder tokenRealm(URI realm) {
            this.tokenRealm = realm;
            return this;
        }

        public Builder tokenRootCertBundle(Path bundle) {
            this.rootCertBundle = bundle;
            return this;
        }

        public Builder tokenSigningKey(Path key, Optional<Path> certificate) {
            this.signingKey = key;
            this.certificate = certificate.orElse(null);
            return this;
        }

        public Builder tokenExpiration(Duration expiration) {
            this.expiration = expiration;
            return this;
        }

        public Builder refreshExpiration(Duration expiration) {
            this.refreshExpiration = expiration;
            return this;
        }

        public Builder tokenPath(String path) {
            this.tokenPath = path;
            return this;
        }

        public Builder serveTokens(boolean serve) {
            this.serve = serve;
            return this;
        }

        public Builder stateDirectory(Path directory) {
            this.stateDirectory = directory;
            return this;
        }

        public AuthConfig build() {
            Optional<TokenSettings> token = Optional.empty();
            if (service != null || issuer != null) {
                if (service == null || service.isBlank() || issuer == null || issuer.isBlank()) {
                    throw ConfigSection.invalid("token authentication needs both a service and an issuer");
                }
                token = Optional.of(new TokenSettings(Optional.ofNullable(tokenRealm), service, issuer,
                        Optional.ofNullable(rootCertBundle), Optional.ofNullable(signingKey),
                        Optional.ofNullable(certificate), expiration, refreshExpiration, tokenPath,
                        serve != null ? serve : tokenRealm == null));
            }
            return new AuthConfig(Optional.ofNullable(htpasswd).map(p -> new HtpasswdSettings(realm, p)), token,
                    anonymousPull, rules, Optional.ofNullable(stateDirectory));
        }
    }
}
