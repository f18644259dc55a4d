package dev.strata.registry.auth.jose;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys a registry trusts to sign tokens, given as certificates (a {@code rootcertbundle}), and how a token's
 * header leads to one of them — as the CNCF registry does it: by an {@code x5c} chain that ends at a trusted
 * certificate, else by a {@code kid} naming a trusted key by its libtrust ID. Immutable and thread-safe.
 */
public final class TrustedKeys {
    private final List<X509Certificate> roots;
    private final Map<String, PublicKey> byKeyId = new LinkedHashMap<>();

    public TrustedKeys(List<X509Certificate> roots) {
        this.roots = List.copyOf(roots);
        for (X509Certificate root : this.roots) {
            byKeyId.put(KeyIds.libtrust(root.getPublicKey()), root.getPublicKey());
        }
    }

    public List<X509Certificate> roots() {
        return roots;
    }

    public boolean isEmpty() {
        return roots.isEmpty();
    }

    /** The trusted public key that signed {@code token} according to its header, checked at {@code now}. */
    public PublicKey signingKey(Jws.Parsed token, Instant now) {
        JsonNode header = token.header();
        JsonNode x5c = header.path("x5c");
        if (x5c.isArray() && !x5c.isEmpty()) {
            return fromChain(x5c, now);
        }
        String kid = header.path("kid").asText("");
        if (!kid.isEmpty()) {
            PublicKey key = byKeyId.get(kid);
            if (key == null) {
                throw new InvalidTokenException("token signed by an untrusted key with ID " + kid);
            }
            return key;
        }
        throw new InvalidTokenException("token header names no signing key (neither x5c nor kid)");
    }

    private PublicKey fromChain(JsonNode x5c, Instant now) {
        var chain = new ArrayList<X509Certificate>();
        try {
            for (JsonNode entry : x5c) {
                chain.add(Pem.certificate(Base64.getDecoder().decode(entry.asText())));
            }
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException("token x5c holds no readable certificate chain", e);
        }
        X509Certificate leaf = chain.getFirst();
        try {
            leaf.checkValidity(Date.from(now));
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("token signing certificate is not valid now", e);
        }
        for (X509Certificate root : roots) {
            if (root.equals(leaf)) {
                return leaf.getPublicKey();
            }
        }
        validate(chain, now);
        return leaf.getPublicKey();
    }

    /** PKIX path validation to the roots; certificate revocation is not checked (registries have no CRLs here). */
    private void validate(List<X509Certificate> chain, Instant now) {
        if (roots.isEmpty()) {
            throw new InvalidTokenException("token certificate chain is not trusted (no root certificates)");
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate root : roots) {
            anchors.add(new TrustAnchor(root, null));
        }
        var path = new ArrayList<>(chain);
        path.removeIf(roots::contains);
        try {
            var parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), parameters);
        } catch (GeneralSecurityException e) {
            throw new InvalidTokenException("token certificate chain is not trusted: " + e.getMessage(), e);
        }
    }
}
