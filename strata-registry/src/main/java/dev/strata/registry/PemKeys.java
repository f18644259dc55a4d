package dev.strata.registry;

import dev.strata.core.StrataException;
import dev.strata.registry.auth.jose.Pem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Builds the in-memory key store TLS needs from a PEM certificate chain and a PEM private key (PKCS#8, SEC1 or
 * PKCS#1, EC or RSA), read with the PEM reader the token keys use.
 */
final class PemKeys {
    private PemKeys() {}

    static KeyStore keyStore(Path certificate, Path key, char[] password) {
        try {
            List<X509Certificate> chain = Pem.certificates(Files.readString(certificate));
            if (chain.isEmpty()) {
                throw failure(certificate + " holds no PEM certificate");
            }
            PrivateKey privateKey = Pem.privateKey(Files.readString(key))
                    .orElseThrow(() -> failure(key + " holds no unencrypted PEM private key")).privateKey();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("registry", privateKey, password, chain.toArray(new Certificate[0]));
            return store;
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw failure(e.getMessage());
        }
    }

    private static StrataException failure(String reason) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot set up TLS: " + reason);
    }
}
