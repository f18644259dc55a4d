package dev.strata.core.distribution;

import dev.strata.core.StrataException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The HTTP clients registries are reached with: one that verifies TLS against the system trust store, one that
 * does not (for registries configured insecure, as Docker skips verification for them), and how long to wait
 * between retries. Thread-safe.
 */
public final class Transport {
    /** Waits between attempts; tests pass one that does not sleep. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final Sleeper sleeper;
    private final int attempts;
    // Made on first use: an HttpClient costs ~90 ms of CPU on a cold JVM (selector thread, TLS set-up), and a
    // build holds a transport in case its base image must be pulled, which a cached build never does.
    private HttpClient verified;
    private HttpClient unverified;

    public Transport(Sleeper sleeper, int attempts) {
        this.sleeper = sleeper;
        this.attempts = attempts;
    }

    /** The real thing: 5 attempts, sleeping for real. */
    public static Transport standard() {
        return new Transport(d -> Thread.sleep(d), 5);
    }

    HttpClient client(boolean verifyTls) {
        return verifyTls ? verified() : unverified();
    }

    int attempts() {
        return attempts;
    }

    void sleep(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while waiting to retry", e);
        }
    }

    private static HttpClient.Builder builder() {
        // HTTP/1.1: one connection per concurrent layer streams big blobs faster than HTTP/2's shared flow control.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30));
    }

    private synchronized HttpClient verified() {
        if (verified == null) {
            verified = builder().build();
        }
        return verified;
    }

    private synchronized HttpClient unverified() {
        if (unverified == null) {
            try {
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {new TrustingManager()}, null);
                unverified = builder().sslContext(context).build();
            } catch (GeneralSecurityException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot set up TLS: " + e.getMessage(), e);
            }
        }
        return unverified;
    }

    /** Accepts any certificate and any host name: only ever used for registries the user declared insecure. */
    private static final class TrustingManager extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
