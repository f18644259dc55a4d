package dev.strata.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.core.distribution.RegistryConfig;
import dev.strata.core.engine.Engine;
import dev.strata.core.engine.PullRequest;
import dev.strata.core.engine.PushRequest;
import dev.strata.core.engine.RegistrySettings;
import dev.strata.core.progress.Event;
import dev.strata.core.store.LocalStore;
import dev.strata.core.store.StoreLayout;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token flow with Strata's token service in front of another registry: the CNCF registry ({@code docker-registry},
 * {@code auth: token} with our certificate as {@code rootcertbundle}), and Strata's own registry with an external
 * realm, where a token running out in the middle of a command is fetched anew.
 */
@Tag("root")
class ExternalTokenTest {
    /** The token verifiers' tolerance for clock skew (Distribution's and ours): a token is refused this long after exp. */
    private static final Duration LEEWAY = Duration.ofSeconds(60);
    private static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    @TempDir
    Path dir;

    private StrataRunner strata(String store, String dockerConfig) {
        return new StrataRunner(dir.resolve(store)).withEnv(Map.of("DOCKER_CONFIG", dir.resolve(dockerConfig).toString(),
                "STRATA_DAEMON_CONFIG", dir.resolve("none.json").toString()));
    }

    private static String id(StrataRunner strata, String name) {
        return strata.ok("inspect", "-f", "{{.Id}}", name).out().strip();
    }

    @Test
    void theCncfRegistryTakesTokensStrataGetsFromStratasTokenService() throws Exception {
        try (ExternalTokenService tokens = new ExternalTokenService(dir.resolve("tokens"),
                Map.of("alice", "secret", "bob", "hunter2"), List.of(Map.of("account", "*", "name", "${account}/*",
                        "actions", List.of("pull", "push"))), true)) {
            Process registry = cncf(tokens);
            try {
                String host = "127.0.0.1:" + cncfPort;
                String name = host + "/alice/app:1";
                StrataRunner alice = strata("a", "alice-docker");
                alice.ok("import", TestImages.busyboxTar(dir).toString(), name);

                var wrong = alice.run("login", "-u", "alice", "-p", "nope", host);
                assertThat(wrong.exitCode()).isEqualTo(1);
                assertThat(wrong.err().lines().filter(l -> l.startsWith("Error:")))
                        .containsExactly("Error: unauthorized: incorrect username or password");
                alice.ok("login", "-u", "alice", "-p", "secret", host);
                assertThat(alice.ok("push", name).out()).contains(": Pushed", "1: digest: ");

                StrataRunner bob = strata("b", "bob-docker");
                bob.ok("login", "-u", "bob", "-p", "hunter2", host);
                bob.ok("import", TestImages.filesTar(dir, "bob.tar", Map.of("bob", "1")).toString(), name);
                var denied = bob.run("push", name);
                assertThat(denied.exitCode()).isEqualTo(1);
                assertThat(denied.err()).hasLineCount(1).contains("(run `strata login " + host + "` as a user allowed");

                StrataRunner nobody = strata("c", "nobody-docker");
                nobody.ok("pull", name);
                assertThat(id(nobody, name)).isEqualTo(id(alice, name));
            } finally {
                registry.destroy();
                if (!registry.waitFor(10, TimeUnit.SECONDS)) {
                    registry.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Test
    void aTokenThatExpiresMidCommandIsFetchedAnew() throws Exception {
        try (ExternalTokenService tokens = new ExternalTokenService(dir.resolve("tokens"), Map.of("alice", "secret"),
                List.of(), false);
                LocalRegistry registry = LocalRegistry.withAuth(dir.resolve("registry"), tokens.registryAuth())) {
            // tokens issued from now on are refused five seconds after they are issued; the client shares the
            // service's clock, so it believes them good for minutes and learns otherwise from the registry's 401
            tokens.clock.advance(TOKEN_LIFETIME.plus(LEEWAY).minusSeconds(5).negated());
            String repository = registry.host() + "/alice/app";
            StrataRunner cli = strata("a", "docker");
            cli.ok("import", TestImages.filesTar(dir, "one.tar", Map.of("one", "1")).toString(), repository + ":one");
            cli.ok("import", TestImages.filesTar(dir, "two.tar", Map.of("two", "2")).toString(), repository + ":two");
            cli.ok("login", "-u", "alice", "-p", "secret", registry.host());
            RegistrySettings settings = new RegistrySettings(dir.resolve("docker/config.json"), List.of(),
                    RegistryConfig.DEFAULT);
            AtomicBoolean waited = new AtomicBoolean();
            try (Engine engine = new Engine(new LocalStore(new StoreLayout(dir.resolve("a"))), tokens.clock)) {
                var pushed = engine.push(new PushRequest(repository, true, settings), event -> {
                    if (event instanceof Event.Status s && s.status().startsWith("one: digest:") && !waited.getAndSet(true)) {
                        outlive();
                    }
                });
                assertThat(pushed).hasSize(2);
            }
            assertThat(waited).isTrue();
            assertThat(registry.log.stream().filter(e -> e.status() == 401 && e.path().startsWith("/v2/alice/app/")))
                    .as("the expired token was refused").isNotEmpty();

            waited.set(false);
            try (Engine engine = new Engine(new LocalStore(new StoreLayout(dir.resolve("b"))), tokens.clock)) {
                var pulled = engine.pull(new PullRequest(repository, true, null, settings), event -> {
                    if (event instanceof Event.Status s && s.status().startsWith("Digest:") && !waited.getAndSet(true)) {
                        outlive();
                    }
                });
                assertThat(pulled).hasSize(2);
            }
            assertThat(waited).isTrue();
        }
    }

    /** Waits until the token in use has expired (no clock of the verifying registry can be moved). */
    private static void outlive() {
        try {
            Thread.sleep(Duration.ofSeconds(6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int cncfPort;

    private Process cncf(ExternalTokenService tokens) throws Exception {
        cncfPort = freePort();
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log: {level: info}
                storage: {filesystem: {rootdirectory: %s}}
                http: {addr: "127.0.0.1:%d"}
                auth:
                  token:
                    realm: %s
                    service: %s
                    issuer: %s
                    rootcertbundle: %s
                """.formatted(dir.resolve("cncf"), cncfPort, tokens.realm(), ExternalTokenService.SERVICE,
                ExternalTokenService.ISSUER, tokens.certificate));
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("cncf.log").toFile()).start();
        HttpClient http = HttpClient.newHttpClient();
        for (int attempt = 0; attempt < 100; attempt++) {
            if (!process.isAlive()) {
                throw new IllegalStateException("docker-registry exited: " + Files.readString(dir.resolve("cncf.log")));
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + cncfPort + "/v2/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return process;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("docker-registry did not start");
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
