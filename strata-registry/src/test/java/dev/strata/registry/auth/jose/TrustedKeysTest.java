package dev.strata.registry.auth.jose;

import static dev.strata.registry.auth.jose.SigningKeyTest.openssl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** x5c chains made by OpenSSL: a token signing key certified by a CA that the registry trusts. */
class TrustedKeysTest {
    @TempDir
    Path dir;

    private List<java.security.cert.X509Certificate> ca;
    private SigningKey leaf;

    @BeforeEach
    void caAndLeaf() throws Exception {
        String caKey = dir.resolve("ca.key").toString();
        String caCert = dir.resolve("ca.crt").toString();
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=ca",
                "-days", "2", "-keyout", caKey, "-out", caCert);
        String leafKey = dir.resolve("leaf.key").toString();
        openssl("req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-subj", "/CN=signer",
                "-keyout", leafKey, "-out", dir.resolve("leaf.csr").toString());
        openssl("x509", "-req", "-in", dir.resolve("leaf.csr").toString(), "-CA", caCert, "-CAkey", caKey,
                "-CAcreateserial", "-days", "1", "-out", dir.resolve("leaf.crt").toString());
        ca = Pem.certificates(Files.readString(Path.of(caCert)));
        leaf = SigningKey.fromPem(Files.readString(Path.of(leafKey)),
                Optional.of(Files.readString(dir.resolve("leaf.crt"))), Instant.now(), new SecureRandom());
    }

    @Test
    void aLeafChainedToATrustedRootIsTrusted() {
        Jws.Parsed token = Jws.parse(Jws.sign(leaf, claims()));

        var key = new TrustedKeys(ca).signingKey(token, Instant.now());

        assertThat(key).isEqualTo(leaf.publicKey());
        token.verify(key);
    }

    @Test
    void aLeafOfAnotherRootIsNotTrustedNorAnExpiredOne() {
        Jws.Parsed token = Jws.parse(Jws.sign(leaf, claims()));
        SigningKey other = SigningKey.generate("other", Instant.now(), Duration.ofDays(1), new SecureRandom());

        assertThatThrownBy(() -> new TrustedKeys(other.chain()).signingKey(token, Instant.now()))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("not trusted");
        assertThatThrownBy(() -> new TrustedKeys(ca).signingKey(token, Instant.now().plus(Duration.ofDays(3))))
                .isInstanceOf(InvalidTokenException.class).hasMessageContaining("not valid now");
    }

    private static ObjectNode claims() {
        ObjectNode claims = Jws.json().createObjectNode();
        claims.put("iss", "ca-issued");
        return claims;
    }
}
