package dev.strata.registry.auth;

import dev.strata.core.StrataException;
import dev.strata.core.sys.AtomicFiles;
import dev.strata.registry.auth.jose.Pem;
import dev.strata.registry.auth.jose.SigningKey;
import dev.strata.registry.auth.jose.TrustedKeys;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;

/**
 * The registry's authentication, assembled from an {@link AuthConfig}: the {@link Authorizer} the server asks before
 * every operation, and, when the registry issues its own tokens, the token service's handler for the server to mount
 * at {@code tokenPath}. A generated token key lives in {@code STATE/auth/token.key} with its self-signed certificate
 * in {@code STATE/auth/token.crt} — the file to give other registries as their {@code rootcertbundle}. Immutable.
 */
public record RegistryAuth(Authorizer authorizer, Optional<Handler> tokenEndpoint, String tokenPath) {
    public RegistryAuth {
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(tokenEndpoint, "tokenEndpoint");
        Objects.requireNonNull(tokenPath, "tokenPath");
    }

    /** Builds it with the system clock; {@code publicBaseUrl} is how clients reach the registry (for the realm). */
    public static RegistryAuth create(AuthConfig config, URI publicBaseUrl) {
        return create(config, publicBaseUrl, Clock.systemUTC(), new SecureRandom());
    }

    public static RegistryAuth create(AuthConfig config, URI publicBaseUrl, Clock clock, SecureRandom random) {
        Permissions permissions = Permissions.of(config.access(), config.anonymousPull());
        Optional<Htpasswd> accounts = config.htpasswd().map(h -> new Htpasswd(h.path()));
        String basicRealm = config.htpasswd().map(AuthConfig.HtpasswdSettings::realm).orElse(AuthConfig.DEFAULT_REALM);
        if (config.token().isEmpty()) {
            Authorizer authorizer = accounts.<Authorizer>map(a -> new BasicAuthorizer(a, permissions, basicRealm))
                    .orElse(Authorizer.ALLOW_ALL);
            return new RegistryAuth(authorizer, Optional.empty(), AuthConfig.DEFAULT_TOKEN_PATH);
        }
        AuthConfig.TokenSettings token = config.token().get();
        List<X509Certificate> trusted = new ArrayList<>(token.rootCertBundle().map(RegistryAuth::certificates)
                .orElse(List.of()));
        Optional<Handler> endpoint = Optional.empty();
        if (token.serve()) {
            SigningKey key = signingKey(token, config.stateDirectory(), clock, random);
            trusted.addAll(key.chain());
            var issuer = new TokenIssuer(key, token.issuer(), token.service(), token.expiration(),
                    token.refreshExpiration(), clock, random);
            endpoint = Optional.of(new TokenService(issuer, accounts, permissions, basicRealm));
        }
        String realm = token.realm().orElseGet(() -> resolve(publicBaseUrl, token.path())).toString();
        var verifier = new TokenVerifier(new TrustedKeys(trusted), token.issuer(), token.service(), clock);
        return new RegistryAuth(new TokenAuthorizer(verifier, realm, token.service()), endpoint, token.path());
    }

    private static URI resolve(URI base, String path) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + path);
    }

    private static SigningKey signingKey(AuthConfig.TokenSettings token, Optional<Path> state, Clock clock,
                                         SecureRandom random) {
        if (token.signingKey().isPresent()) {
            Path keyFile = token.signingKey().get();
            try {
                return SigningKey.fromPem(read(keyFile), token.certificate().map(RegistryAuth::read),
                        clock.instant(), random);
            } catch (IllegalArgumentException e) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot use token signing key "
                        + keyFile + ": " + e.getMessage(), e);
            }
        }
        if (state.isEmpty()) {
            return SigningKey.generate("strata token signer", clock.instant(), Duration.ofDays(3650), random);
        }
        Path directory = state.get().resolve("auth");
        Path keyFile = directory.resolve("token.key");
        Path certificateFile = directory.resolve("token.crt");
        try {
            if (Files.exists(keyFile) && Files.exists(certificateFile)) {
                return SigningKey.fromPem(read(keyFile), Optional.of(read(certificateFile)), clock.instant(), random);
            }
            SigningKey key = SigningKey.generate("strata token signer", clock.instant(), Duration.ofDays(3650), random);
            Files.createDirectories(directory);
            write(certificateFile, key.certificatePem(), false);
            write(keyFile, key.privateKeyPem(), true);
            return key;
        } catch (IOException | IllegalArgumentException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot keep the token signing key in "
                    + directory + ": " + e.getMessage() + "; remove the directory to make a new key", e);
        }
    }

    /**
     * Written whole or not at all ({@link AtomicFiles}: temporary file, fsync, rename), so that a crash never leaves
     * half a key; the temporary file is the owner's alone, and only the certificate is opened to others afterwards.
     */
    private static void write(Path file, String text, boolean secret) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.US_ASCII));
        if (!secret) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static List<X509Certificate> certificates(Path bundle) {
        try {
            List<X509Certificate> certificates = Pem.certificates(read(bundle));
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("no certificate in it");
            }
            return certificates;
        } catch (IllegalArgumentException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot read token rootcertbundle "
                    + bundle + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot read " + file + ": "
                    + e.getMessage(), e);
        }
    }
}
