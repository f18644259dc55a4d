package dev.strata.registry.auth.jose;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Writes the self-signed X.509 certificate that carries a generated token-signing key: the CNCF registry trusts
 * token keys through certificates (its {@code rootcertbundle}), and the JDK has no public API to make one.
 * Stateless.
 */
final class SelfSignedCertificate {
    private static final String COMMON_NAME = "2.5.4.3";
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";

    private SelfSignedCertificate() {}

    static X509Certificate create(KeyPair keys, String commonName, Instant notBefore, Instant notAfter,
                                  SecureRandom random) {
        JwsAlgorithm jws = JwsAlgorithm.forKey(keys.getPrivate());
        byte[] algorithm = switch (jws) {
            case ES256 -> Der.sequence(Der.oid("1.2.840.10045.4.3.2"));
            case ES384 -> Der.sequence(Der.oid("1.2.840.10045.4.3.3"));
            case ES512 -> Der.sequence(Der.oid("1.2.840.10045.4.3.4"));
            case RS256 -> Der.sequence(Der.oid("1.2.840.113549.1.1.11"), Der.nul());
        };
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid(COMMON_NAME), Der.utf8(commonName))));
        byte[] serial = new byte[16];
        random.nextBytes(serial);
        serial[0] &= 0x7f;
        // a CA certificate, so that the same file can be both the x5c leaf and a rootcertbundle entry
        byte[] extensions = Der.explicit(3, Der.sequence(
                Der.sequence(Der.oid(BASIC_CONSTRAINTS), Der.bool(true),
                        Der.octetString(Der.sequence(Der.bool(true)))),
                Der.sequence(Der.oid(KEY_USAGE), Der.bool(true),
                        // digitalSignature (bit 0) and keyCertSign (bit 5)
                        Der.octetString(Der.bitString(2, new byte[] {(byte) 0x84})))));
        byte[] tbs = Der.sequence(
                Der.explicit(0, Der.integer(BigInteger.TWO)),
                Der.integer(new BigInteger(1, serial)),
                algorithm,
                name,
                Der.sequence(Der.time(notBefore.atZone(ZoneOffset.UTC)), Der.time(notAfter.atZone(ZoneOffset.UTC))),
                name,
                keys.getPublic().getEncoded(),
                extensions);
        try {
            var signer = Signature.getInstance(jws == JwsAlgorithm.RS256 ? "SHA256withRSA"
                    : jws.jdkName().replace("inP1363Format", ""));
            signer.initSign(keys.getPrivate(), random);
            signer.update(tbs);
            byte[] der = Der.sequence(tbs, algorithm, Der.bitString(0, signer.sign()));
            X509Certificate certificate = Pem.certificate(der);
            certificate.verify(keys.getPublic());
            return certificate;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a certificate with a fresh key: " + e.getMessage(), e);
        }
    }
}
