package dev.strata.registry.auth.jose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * JWS compact serialisation (RFC 7515) for the asymmetric algorithms of {@link JwsAlgorithm}: signing with a
 * {@link SigningKey}, whose header carries {@code kid} (libtrust key ID) and {@code x5c} (its certificate chain) so
 * that both ways a CNCF registry finds the key work, and parsing and verifying with a key found elsewhere.
 * Stateless.
 */
public final class Jws {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_DECODER = Base64.getUrlDecoder();

    private Jws() {}

    /** A parsed, not yet verified, JWS. */
    public record Parsed(JsonNode header, byte[] payload, byte[] signingInput, byte[] signature) {
        /** The header's {@code alg}, refusing {@code none} and symmetric algorithms. */
        public JwsAlgorithm algorithm() {
            try {
                return JwsAlgorithm.named(header.path("alg").asText());
            } catch (IllegalArgumentException e) {
                throw new InvalidTokenException(e.getMessage(), e);
            }
        }

        /** Checks the signature with {@code key}, which must fit the header's algorithm. */
        public void verify(PublicKey key) {
            JwsAlgorithm algorithm = algorithm();
            if (!algorithm.fits(key)) {
                throw new InvalidTokenException("token algorithm " + algorithm + " does not fit its signing key");
            }
            boolean valid;
            try {
                var verifier = Signature.getInstance(algorithm.jdkName());
                verifier.initVerify(key);
                verifier.update(signingInput);
                valid = verifier.verify(signature);
            } catch (GeneralSecurityException e) {
                valid = false;
            }
            if (!valid) {
                throw new InvalidTokenException("token signature does not verify");
            }
        }

        public JsonNode claims() {
            try {
                JsonNode claims = JSON.readTree(payload);
                if (claims == null || !claims.isObject()) {
                    throw new InvalidTokenException("token claims are not a JSON object");
                }
                return claims;
            } catch (java.io.IOException e) {
                throw new InvalidTokenException("token claims are not JSON", e);
            }
        }
    }

    public static String sign(SigningKey key, ObjectNode claims) {
        ObjectNode header = JSON.createObjectNode();
        header.put("typ", "JWT");
        header.put("alg", key.algorithm().name());
        header.put("kid", key.keyId());
        var x5c = header.putArray("x5c");
        for (X509Certificate certificate : key.chain()) {
            try {
                // x5c is plain base64, not base64url (RFC 7515 section 4.1.6)
                x5c.add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode a parsed certificate", e);
            }
        }
        String input = B64URL.encodeToString(bytes(header)) + "." + B64URL.encodeToString(bytes(claims));
        try {
            var signer = Signature.getInstance(key.algorithm().jdkName());
            signer.initSign(key.privateKey());
            signer.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + B64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
        }
    }

    public static Parsed parse(String compact) {
        String[] parts = compact.split("\\.", -1);
        if (parts.length != 3) {
            throw new InvalidTokenException("token is not a compact JWS (three dot-separated parts)");
        }
        try {
            JsonNode header = JSON.readTree(B64URL_DECODER.decode(parts[0]));
            if (header == null || !header.isObject()) {
                throw new InvalidTokenException("token header is not a JSON object");
            }
            return new Parsed(header, B64URL_DECODER.decode(parts[1]),
                    (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII), B64URL_DECODER.decode(parts[2]));
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw new InvalidTokenException("token is not valid base64url JSON", e);
        }
    }

    static ObjectMapper json() {
        return JSON;
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
