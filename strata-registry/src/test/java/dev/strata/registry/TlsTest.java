package dev.strata.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with a PEM certificate and key made by openssl, as users bring them; clients trusting the certificate connect. */
class TlsTest {
    @TempDir
    Path dir;

    @Test
    void servesHttpsWithAPemCertificateAndKey() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process openssl = new ProcessBuilder(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(),
                "-out", cert.toString())).redirectErrorStream(true).start();
        openssl.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS) && openssl.exitValue() == 0).isTrue();

        RegistrySettings settings = RegistrySettings.defaults(dir.resolve("storage")).withAddress("127.0.0.1:0").withTls(cert, key);
        try (TestRegistry registry = new TestRegistry(settings)) {
            assertThat(registry.server.baseUri().getScheme()).isEqualTo("https");
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(cert)) {
                trust.setCertificateEntry("registry", CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            try (HttpClient client = HttpClient.newBuilder().sslContext(context).build()) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(registry.uri("/v2/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
    }
}
