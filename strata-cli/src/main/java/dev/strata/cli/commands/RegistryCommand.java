package dev.strata.cli.commands;

import dev.strata.cli.Cli;
import dev.strata.cli.Syntax;
import dev.strata.cli.Verbs;
import dev.strata.core.StrataException;
import dev.strata.registry.AuthWiring;
import dev.strata.registry.RegistryServer;
import dev.strata.registry.RegistrySettings;
import dev.strata.registry.SettingsFile;
import dev.strata.registry.StreamAccessLog;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;

/** {@code registry}: the group of the registry server's verbs ({@code serve}, {@code gc}). */
public final class RegistryCommand {
    private RegistryCommand() {}

    /** The group with the verb {@code verb} (null or unknown: every verb, as help lists them). */
    public static CommandLine line(Cli cli, String verb) {
        return new Verbs()
                .add("serve", () -> Serve.line(cli))
                .add("gc", () -> Gc.line(cli))
                .addTo(Syntax.group("registry", "Run an OCI distribution registry").line(), verb);
    }

    /**
     * {@code registry serve}: serves the registry in the foreground until SIGINT or SIGTERM. Settings come from the
     * defaults, then {@code --config}, then the other flags. Access-log lines go to standard output.
     */
    static final class Serve implements Callable<Integer> {
        private final Cli cli;
        private String address;
        private Path storage;
        private Path config;
        private Path tlsCert;
        private Path tlsKey;
        private Path htpasswd;
        private boolean anonymousPull;
        private boolean authToken;
        private String gcInterval;
        private String gcGrace;

        private Serve(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Serve c = new Serve(cli);
            return Syntax.of(c, "serve", "Serve an OCI registry (distribution-spec v1.1) until interrupted")
                    .option("--addr", "<host:port>", "Address to listen on (default " + RegistrySettings.DEFAULT_ADDRESS
                            + "; \":PORT\" for all interfaces)", v -> c.address = v)
                    .pathOption("--storage", "<dir>", "Storage directory (default ROOT/registry)", v -> c.storage = v)
                    .pathOption("--config", "<file>", "YAML config shaped like CNCF Distribution's config.yml",
                            v -> c.config = v)
                    .pathOption("--tls-cert", "<file>", "PEM certificate chain: serve HTTPS", v -> c.tlsCert = v)
                    .pathOption("--tls-key", "<file>", "PEM private key of --tls-cert", v -> c.tlsKey = v)
                    .pathOption("--htpasswd", "<file>", "Require Basic auth with these bcrypt htpasswd users",
                            v -> c.htpasswd = v)
                    .flag("--anonymous-pull", "Let clients without credentials pull", v -> c.anonymousPull = v)
                    .flag("--auth-token", "Issue and require bearer tokens (the built-in token service)",
                            v -> c.authToken = v)
                    .option("--gc-interval", "<duration>", "Collect garbage this often, e.g. 1h (default: only on "
                            + "`strata registry gc`)", v -> c.gcInterval = v)
                    .option("--gc-grace", "<duration>", "Keep unreferenced blobs this long after their last use "
                            + "(default 1h)", v -> c.gcGrace = v)
                    .line();
        }

        @Override
        public Integer call() throws InterruptedException {
            RegistrySettings settings = settings();
            StreamAccessLog log = new StreamAccessLog(cli.out());
            RegistryServer server;
            try {
                server = RegistryServer.start(settings, log, cli.clock());
            } catch (RuntimeException e) {
                log.close();
                throw e;
            }
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                log.close();
                stopped.countDown();
            }, "registry-shutdown"));
            cli.err().println("Serving the registry at " + server.baseUri() + " (storage " + settings.storage() + ")");
            server.join();
            stopped.await();
            return 0;
        }

        RegistrySettings settings() {
            RegistrySettings settings = RegistrySettings.defaults(cli.root().resolve("registry"));
            if (config != null) {
                settings = SettingsFile.apply(settings, config);
            }
            if (address != null) {
                settings = settings.withAddress(address);
            }
            if (storage != null) {
                settings = settings.withStorage(storage);
            }
            if (tlsCert != null || tlsKey != null) {
                settings = settings.withTls(tlsCert, tlsKey);
            }
            if (gcInterval != null || gcGrace != null) {
                settings = settings.withGc(
                        gcInterval == null ? settings.gcInterval() : SettingsFile.duration(gcInterval, "--gc-interval"),
                        gcGrace == null ? settings.gcGrace() : SettingsFile.duration(gcGrace, "--gc-grace"));
            }
            return settings.withAuth(AuthWiring.withFlags(settings.auth(), Optional.ofNullable(htpasswd), anonymousPull,
                    authToken));
        }
    }

    /** {@code registry gc}: asks a running registry to collect garbage now and prints what it freed. */
    static final class Gc implements Callable<Integer> {
        private final Cli cli;
        private String url = "http://" + RegistrySettings.DEFAULT_ADDRESS;

        private Gc(Cli cli) {
            this.cli = cli;
        }

        static CommandLine line(Cli cli) {
            Gc c = new Gc(cli);
            return Syntax.of(c, "gc", "Collect unreferenced blobs in a running registry")
                    .option("--url", "<url>", "The registry (default http://" + RegistrySettings.DEFAULT_ADDRESS + ")",
                            v -> c.url = v)
                    .line();
        }

        @Override
        public Integer call() throws InterruptedException {
            URI endpoint = URI.create(url.endsWith("/") ? url.substring(0, url.length() - 1) : url).resolve("/strata/v1/gc");
            HttpResponse<String> response;
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
                response = client.send(HttpRequest.newBuilder(endpoint).POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot reach the registry at " + url + ": " + e
                        + "; is `strata registry serve` running there?", e);
            }
            if (response.statusCode() != 200) {
                throw new StrataException(StrataException.Kind.SYSTEM, "cannot collect garbage: the registry answered "
                        + response.statusCode() + " " + response.body());
            }
            cli.out().println(response.body());
            return 0;
        }
    }
}
