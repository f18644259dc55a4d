package dev.strata.registry.auth.jose;

import java.security.Key;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;

/**
 * The JWS signature algorithms (RFC 7518) that Docker token servers and registries use; the symmetric HS* and
 * {@code none} are deliberately absent, so a token can never choose its own verification.
 */
public enum JwsAlgorithm {
    ES256("SHA256withECDSAinP1363Format", "EC", 256),
    ES384("SHA384withECDSAinP1363Format", "EC", 384),
    ES512("SHA512withECDSAinP1363Format", "EC", 521),
    RS256("SHA256withRSA", "RSA", 0);

    private final String jdkName;
    private final String keyType;
    private final int curveBits;

    JwsAlgorithm(String jdkName, String keyType, int curveBits) {
        this.jdkName = jdkName;
        this.keyType = keyType;
        this.curveBits = curveBits;
    }

    /** The JCA signature name; ECDSA in the fixed-width R||S form that JWS requires rather than DER. */
    String jdkName() {
        return jdkName;
    }

    /** Whether {@code key} is the kind of key this algorithm signs with (EC on the right curve, or RSA). */
    public boolean fits(Key key) {
        return switch (keyType) {
            case "EC" -> key instanceof ECKey ec && ec.getParams().getCurve().getField().getFieldSize() == curveBits;
            default -> key instanceof RSAKey;
        };
    }

    /** The algorithm for a key: ES256/384/512 by curve, RS256 for RSA. */
    public static JwsAlgorithm forKey(Key key) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.fits(key)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("no JWS algorithm for a " + key.getAlgorithm()
                + " key (use EC P-256, P-384, P-521 or RSA)");
    }

    /** The algorithm a JWS header names, or an exception for {@code none}, HS* and unknown names. */
    public static JwsAlgorithm named(String name) {
        for (JwsAlgorithm algorithm : values()) {
            if (algorithm.name().equals(name)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unsupported JWS algorithm " + name);
    }
}
