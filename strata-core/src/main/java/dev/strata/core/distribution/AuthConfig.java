package dev.strata.core.distribution;

/**
 * What a user logged in to a registry with, as Docker's {@code config.json} keeps it: a user name and password,
 * or an identity token (an OAuth2 refresh token) instead of the password. {@link #NONE} is anonymous.
 */
public record AuthConfig(String username, String password, String identityToken) {
    public static final AuthConfig NONE = new AuthConfig(null, null, null);

    public AuthConfig {
        username = blankToNull(username);
        password = blankToNull(password);
        identityToken = blankToNull(identityToken);
    }

    public static AuthConfig basic(String username, String password) {
        return new AuthConfig(username, password, null);
    }

    public boolean isAnonymous() {
        return username == null && password == null && identityToken == null;
    }

    public boolean hasPassword() {
        return username != null && password != null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "AuthConfig[" + (username == null ? "anonymous" : username) + "]"; // never print secrets
    }
}
