package dev.strata.registry;

import dev.strata.core.StrataException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a registry server runs: where it listens, where it stores, TLS, garbage collection and the {@code auth:}
 * section handed to {@link AuthWiring}. Built from defaults, then a config file ({@link SettingsFile}), then flags.
 *
 * @param host the address to listen on ({@code 0.0.0.0} for all interfaces)
 * @param port the port (0 picks a free one)
 * @param storage the storage root
 * @param tlsCertificate a PEM certificate chain; with {@code tlsKey} the server speaks HTTPS
 * @param tlsKey a PEM private key (PKCS#8, or PKCS#1 RSA)
 * @param gcInterval how often garbage collection runs on its own ({@link Duration#ZERO}: only when asked)
 * @param gcGrace how long an unreferenced blob survives after it was last written or linked
 * @param uploadTimeout how long an idle upload session is kept
 * @param auth the auth section, shaped like CNCF Distribution's ({@code htpasswd:}, {@code token:} …); empty: no auth
 */
public record RegistrySettings(String host, int port, Path storage, Optional<Path> tlsCertificate, Optional<Path> tlsKey,
        Duration gcInterval, Duration gcGrace, Duration uploadTimeout, Map<String, Object> auth) {
    public static final String DEFAULT_ADDRESS = "127.0.0.1:5000";

    public RegistrySettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(storage, "storage");
        if (port < 0 || port > 65535) {
            throw invalid("port " + port + " is out of range");
        }
        if (tlsCertificate.isPresent() != tlsKey.isPresent()) {
            throw invalid("TLS needs both a certificate and a key (--tls-cert and --tls-key)");
        }
        if (gcInterval.isNegative() || gcGrace.isNegative() || uploadTimeout.isNegative()) {
            throw invalid("durations must not be negative");
        }
        auth = Map.copyOf(auth);
    }

    /** Listening on 127.0.0.1:5000, storing under {@code storage}, no TLS, no auth, GC on demand with a 1h grace. */
    public static RegistrySettings defaults(Path storage) {
        return new RegistrySettings("127.0.0.1", 5000, storage, Optional.empty(), Optional.empty(), Duration.ZERO,
                Duration.ofHours(1), Duration.ofHours(24), Map.of());
    }

    /** With the address {@code HOST:PORT}, {@code :PORT} (all interfaces) or {@code [V6]:PORT}. */
    public RegistrySettings withAddress(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            throw invalid("invalid address \"" + address + "\": expected HOST:PORT, e.g. " + DEFAULT_ADDRESS);
        }
        String h = address.substring(0, colon);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        int p;
        try {
            p = Integer.parseInt(address.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw invalid("invalid address \"" + address + "\": the port is not a number");
        }
        return new RegistrySettings(h.isEmpty() ? "0.0.0.0" : h, p, storage, tlsCertificate, tlsKey, gcInterval, gcGrace,
                uploadTimeout, auth);
    }

    public RegistrySettings withStorage(Path newStorage) {
        return new RegistrySettings(host, port, newStorage, tlsCertificate, tlsKey, gcInterval, gcGrace, uploadTimeout, auth);
    }

    public RegistrySettings withTls(Path certificate, Path key) {
        return new RegistrySettings(host, port, storage, Optional.ofNullable(certificate), Optional.ofNullable(key),
                gcInterval, gcGrace, uploadTimeout, auth);
    }

    public RegistrySettings withGc(Duration interval, Duration grace) {
        return new RegistrySettings(host, port, storage, tlsCertificate, tlsKey, interval, grace, uploadTimeout, auth);
    }

    public RegistrySettings withUploadTimeout(Duration timeout) {
        return new RegistrySettings(host, port, storage, tlsCertificate, tlsKey, gcInterval, gcGrace, timeout, auth);
    }

    public RegistrySettings withAuth(Map<String, Object> section) {
        return new RegistrySettings(host, port, storage, tlsCertificate, tlsKey, gcInterval, gcGrace, uploadTimeout, section);
    }

    public boolean tls() {
        return tlsCertificate.isPresent();
    }

    static StrataException invalid(String reason) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot configure the registry: " + reason);
    }
}
