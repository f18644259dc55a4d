package dev.strata.registry.auth.jose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and certificates against OpenSSL: what it writes we read, what we write it reads. */
class SigningKeyTest {
    @TempDir
    Path dir;

    private final Instant now = Instant.now();

    @Test
    void aGeneratedKeysCertificateIsOneOpenSslReadsAndVerifies() throws Exception {
        SigningKey key = SigningKey.generate("strata token signer", now, Duration.ofDays(30), new SecureRandom());
        Path certificate = dir.resolve("token.crt");
        Files.writeString(certificate, key.certificatePem());
        Files.writeString(dir.resolve("token.key"), key.privateKeyPem());

        String text = openssl("x509", "-in", certificate.toString(), "-noout", "-text");
        assertThat(text).contains("CN = strata token signer", "ecdsa-with-SHA256", "prime256v1", "CA:TRUE",
                "Digital Signature, Certificate Sign");
        assertThat(openssl("verify", "-CAfile", certificate.toString(), certificate.toString())).contains("OK");
        // the private key file matches the certificate's public key
        assertThat(openssl("pkey", "-in", dir.resolve("token.key").toString(), "-pubout"))
                .isEqualTo(openssl("x509", "-in", certificate.toString(), "-noout", "-pubkey"));
        assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.ES256);
    }

    @Test
    void readsOpenSslEcKeysInSec1WithParametersAndFindsTheirPublicKey() throws Exception {
        Path file = dir.resolve("ec.pem");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", file.toString());
        assertThat(Files.readString(file)).contains("BEGIN EC PARAMETERS", "BEGIN EC PRIVATE KEY");

        SigningKey key = SigningKey.fromPem(Files.readString(file), Optional.empty(), now, new SecureRandom());

        assertThat(key.algorithm()).isEqualTo(JwsAlgorithm.ES256);
        assertThat(pem("PUBLIC KEY", key.publicKey().getEncoded()))
                .isEqualTo(openssl("ec", "-in", file.toString(), "-pubout"));
    }

    @Test
    void readsPkcs8AndPkcs1RsaKeysAndSignsRs256() throws Exception {
        Path pkcs8 = dir.resolve("rsa8.pem");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", pkcs8.toString());
        Path pkcs1 = dir.resolve("rsa1.pem");
        openssl("rsa", "-in", pkcs8.toString(), "-traditional", "-out", pkcs1.toString());
        assertThat(Files.readString(pkcs1)).contains("BEGIN RSA PRIVATE KEY");

        SigningKey fromPkcs8 = SigningKey.fromPem(Files.readString(pkcs8), Optional.empty(), now, new SecureRandom());
        SigningKey fromPkcs1 = SigningKey.fromPem(Files.readString(pkcs1), Optional.empty(), now, new SecureRandom());

        assertThat(fromPkcs8.algorithm()).isEqualTo(JwsAlgorithm.RS256);
        assertThat(fromPkcs1.keyId()).isEqualTo(fromPkcs8.keyId());
        assertThat(fromPkcs1.privateKey().getEncoded()).isEqualTo(fromPkcs8.privateKey().getEncoded());
    }

    @Test
    void usesTheCertificateOpenSslMadeForTheKey() throws Exception {
        Path key = dir.resolve("k.pem");
        Path certificate = dir.resolve("c.pem");
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-384", "-nodes", "-subj",
                "/CN=auth.example", "-days", "2", "-keyout", key.toString(), "-out", certificate.toString());

        SigningKey signing = SigningKey.fromPem(Files.readString(key), Optional.of(Files.readString(certificate)),
                now, new SecureRandom());

        assertThat(signing.algorithm()).isEqualTo(JwsAlgorithm.ES384);
        assertThat(signing.chain()).hasSize(1);
        assertThat(signing.chain().getFirst().getSubjectX500Principal().getName()).isEqualTo("CN=auth.example");
    }

    @Test
    void refusesAKeyThatDoesNotFitItsCertificate() throws Exception {
        SigningKey one = SigningKey.generate("one", now, Duration.ofDays(1), new SecureRandom());
        Path other = dir.resolve("other.pem");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", other.toString());

        assertThatThrownBy(() -> SigningKey.fromPem(Files.readString(other), Optional.of(one.certificatePem()), now,
                new SecureRandom())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("do not fit");
    }

    @Test
    void theKeyIdIsLibtrustsTwelveGroupsOfBase32() {
        SigningKey key = SigningKey.generate("k", now, Duration.ofDays(1), new SecureRandom());

        assertThat(key.keyId()).matches("([A-Z2-7]{4}:){11}[A-Z2-7]{4}");
    }

    static String pem(String label, byte[] der) {
        return Pem.encode(label, der);
    }

    static String openssl(String... arguments) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("openssl %s", command).isZero();
        return output;
    }
}
