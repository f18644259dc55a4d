package dev.strata.registry.auth.jose;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A token-signing key: the private key, its certificate chain (leaf first, the leaf holding the matching public
 * key), the JWS algorithm it signs with and its libtrust key ID. Immutable and thread-safe.
 */
public record SigningKey(PrivateKey privateKey, List<X509Certificate> chain, JwsAlgorithm algorithm, String keyId) {
    public SigningKey {
        Objects.requireNonNull(privateKey, "privateKey");
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a signing key needs its certificate");
        }
        if (!algorithm.fits(privateKey) || !algorithm.fits(chain.getFirst().getPublicKey())) {
            throw new IllegalArgumentException("the key and its certificate do not fit " + algorithm);
        }
        Objects.requireNonNull(keyId, "keyId");
    }

    /** A key whose algorithm and key ID follow from the certificate. */
    public static SigningKey of(PrivateKey privateKey, List<X509Certificate> chain) {
        PublicKey publicKey = chain.getFirst().getPublicKey();
        return new SigningKey(privateKey, chain, JwsAlgorithm.forKey(publicKey), KeyIds.libtrust(publicKey));
    }

    /** A fresh EC P-256 key (ES256) with a self-signed certificate valid for {@code validity} from {@code now}. */
    public static SigningKey generate(String commonName, Instant now, Duration validity, SecureRandom random) {
        try {
            var generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), random);
            KeyPair keys = generator.generateKeyPair();
            // a little slack before now, for clocks that run behind ours
            X509Certificate certificate = SelfSignedCertificate.create(keys, commonName,
                    now.minus(Duration.ofHours(1)), now.plus(validity), random);
            return of(keys.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot generate an EC P-256 key: " + e.getMessage(), e);
        }
    }

    /**
     * The key in PEM text {@code keyPem}, with the certificates found in {@code certificatePem} or, when there are
     * none, in the key file itself; with none at all, a self-signed certificate is made (its key ID is stable, its
     * bytes are not: give a certificate when other registries trust this key by {@code x5c}).
     */
    public static SigningKey fromPem(String keyPem, Optional<String> certificatePem, Instant now, SecureRandom random) {
        Pem.KeyPairParts parts = Pem.privateKey(keyPem)
                .orElseThrow(() -> new IllegalArgumentException("no private key in the PEM text"));
        List<X509Certificate> chain = Pem.certificates(certificatePem.orElse(keyPem));
        if (!chain.isEmpty()) {
            return of(parts.privateKey(), chain);
        }
        PublicKey publicKey = parts.publicKey().orElseThrow(() -> new IllegalArgumentException(
                "the key file holds no public key: give its certificate too"));
        X509Certificate certificate = SelfSignedCertificate.create(new KeyPair(publicKey, parts.privateKey()),
                "strata token signer", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3650)), random);
        return of(parts.privateKey(), List.of(certificate));
    }

    public PublicKey publicKey() {
        return chain.getFirst().getPublicKey();
    }

    /** The private key as PKCS#8 PEM. */
    public String privateKeyPem() {
        return Pem.encode("PRIVATE KEY", privateKey.getEncoded());
    }

    /** The certificate chain as PEM, leaf first: what other registries put in their {@code rootcertbundle}. */
    public String certificatePem() {
        var text = new StringBuilder();
        for (X509Certificate certificate : chain) {
            try {
                text.append(Pem.encode("CERTIFICATE", certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode a parsed certificate", e);
            }
        }
        return text.toString();
    }
}
