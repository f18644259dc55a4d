package dev.strata.registry.auth.jose;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads and writes the PEM files token keys live in: certificates, and private keys as PKCS#8 ({@code PRIVATE KEY}),
 * SEC1 ({@code EC PRIVATE KEY}, what {@code openssl ecparam -genkey} writes) or PKCS#1 ({@code RSA PRIVATE KEY}).
 * Encrypted keys are not read. Stateless.
 */
public final class Pem {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final String EC_PUBLIC_KEY = "1.2.840.10045.2.1";
    private static final String RSA_ENCRYPTION = "1.2.840.113549.1.1.1";

    private Pem() {}

    /** One PEM block: its label ({@code CERTIFICATE}, {@code PRIVATE KEY}, …) and its DER bytes. */
    public record Block(String label, byte[] der) {
        public Block {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }
    }

    /** Every block in {@code text}, in order; text between blocks (comments, {@code openssl} chatter) is ignored. */
    public static List<Block> blocks(String text) {
        var blocks = new ArrayList<Block>();
        var matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(matcher.group(2))));
        }
        return blocks;
    }

    public static String encode(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /** The certificates in {@code text}, in file order. */
    public static List<X509Certificate> certificates(String text) {
        var certificates = new ArrayList<X509Certificate>();
        for (Block block : blocks(text)) {
            if (block.label().equals("CERTIFICATE")) {
                certificates.add(certificate(block.der()));
            }
        }
        return certificates;
    }

    static X509Certificate certificate(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not an X.509 certificate: " + e.getMessage(), e);
        }
    }

    /** The first private key in {@code text}, with its public key when the key file carries it. */
    public static Optional<KeyPairParts> privateKey(String text) {
        for (Block block : blocks(text)) {
            switch (block.label()) {
                case "PRIVATE KEY" -> {
                    return Optional.of(fromPkcs8(block.der()));
                }
                case "EC PRIVATE KEY" -> {
                    return Optional.of(fromPkcs8(wrapSec1(block.der())));
                }
                case "RSA PRIVATE KEY" -> {
                    byte[] pkcs8 = Der.sequence(Der.integer(BigInteger.ZERO),
                            Der.sequence(Der.oid(RSA_ENCRYPTION), Der.nul()), Der.octetString(block.der()));
                    return Optional.of(fromPkcs8(pkcs8));
                }
                default -> {
                    // certificates, EC PARAMETERS and the like sit beside keys; skip them
                }
            }
        }
        return Optional.empty();
    }

    /** A private key and, where it could be found, its public key. */
    public record KeyPairParts(PrivateKey privateKey, Optional<PublicKey> publicKey) {}

    private static byte[] wrapSec1(byte[] sec1) {
        String curve = Der.parse(sec1).children().stream()
                .filter(e -> e.tag() == 0xa0)
                .findFirst()
                .map(e -> e.children().getFirst().oid())
                .orElseThrow(() -> new IllegalArgumentException("EC private key names no curve"));
        return Der.sequence(Der.integer(BigInteger.ZERO), Der.sequence(Der.oid(EC_PUBLIC_KEY), Der.oid(curve)),
                Der.octetString(sec1));
    }

    private static KeyPairParts fromPkcs8(byte[] pkcs8) {
        try {
            List<Der.Element> fields = Der.parse(pkcs8).children();
            String algorithm = fields.get(1).children().getFirst().oid();
            return switch (algorithm) {
                case EC_PUBLIC_KEY -> {
                    var key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                    yield new KeyPairParts(key, ecPublicKey(key, fields.get(2).content()));
                }
                case RSA_ENCRYPTION -> {
                    var key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
                    yield new KeyPairParts(key, rsaPublicKey(key));
                }
                default -> throw new IllegalArgumentException("unsupported key algorithm " + algorithm
                        + " (use an EC P-256/P-384/P-521 or RSA key)");
            };
        } catch (GeneralSecurityException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("not a readable private key: " + e.getMessage(), e);
        }
    }

    /** The public point that SEC1's optional {@code [1] publicKey} carries (OpenSSL always writes it). */
    private static Optional<PublicKey> ecPublicKey(ECPrivateKey key, byte[] sec1) throws GeneralSecurityException {
        Optional<Der.Element> bits = Der.parse(sec1).children().stream().filter(e -> e.tag() == 0xa1).findFirst();
        if (bits.isEmpty()) {
            return Optional.empty();
        }
        byte[] bitString = bits.get().children().getFirst().content();
        byte[] point = Arrays.copyOfRange(bitString, 1, bitString.length);
        int size = (point.length - 1) / 2;
        if (point.length < 3 || point[0] != 4 || point.length != 2 * size + 1) {
            return Optional.empty();
        }
        var w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 1 + size)),
                new BigInteger(1, Arrays.copyOfRange(point, 1 + size, point.length)));
        return Optional.of(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, key.getParams())));
    }

    private static Optional<PublicKey> rsaPublicKey(PrivateKey key) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey crt) {
            return Optional.of(KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent())));
        }
        return Optional.empty();
    }
}
