package dev.strata.core.distribution;

/**
 * Where logins are kept, by registry host ({@code docker.io}, {@code localhost:5000}). Implementations: Docker's
 * {@code config.json} ({@link DockerConfigFile}), which may hand entries on to credential helpers.
 */
public interface CredentialStore {
    /** An empty store: every registry anonymous. */
    CredentialStore ANONYMOUS = new CredentialStore() {
        @Override
        public AuthConfig get(String host) {
            return AuthConfig.NONE;
        }

        @Override
        public void store(String host, AuthConfig auth) {
            throw new UnsupportedOperationException("this credential store keeps nothing");
        }

        @Override
        public boolean erase(String host) {
            return false;
        }
    };

    /** The login for this host, or {@link AuthConfig#NONE}. */
    AuthConfig get(String host);

    void store(String host, AuthConfig auth);

    /** Forgets the login; false if there was none. */
    boolean erase(String host);
}
