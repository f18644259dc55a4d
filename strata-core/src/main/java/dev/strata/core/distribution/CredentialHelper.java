package dev.strata.core.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.core.StrataException;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A Docker credential helper, the program {@code docker-credential-NAME} on the {@code PATH}, spoken to with its
 * protocol: {@code get}, {@code store} and {@code erase} with the server URL or a JSON object on standard input.
 * A user name of {@code <token>} means the secret is an identity token. Thread-safe (each call is a process).
 */
public final class CredentialHelper {
    private static final String TOKEN_USER = "<token>";

    private final String name;
    private final List<Path> searchPath;

    /** @param searchPath the directories of {@code $PATH}, searched in order */
    public CredentialHelper(String name, List<Path> searchPath) {
        this.name = name;
        this.searchPath = List.copyOf(searchPath);
    }

    public String program() {
        return "docker-credential-" + name;
    }

    /** The credentials stored for this server URL, or empty when the helper has none. */
    public Optional<AuthConfig> get(String serverUrl) {
        Result r = run("get", serverUrl.getBytes(StandardCharsets.UTF_8));
        if (r.exitCode() != 0) {
            if (r.output().contains("credentials not found")) {
                return Optional.empty();
            }
            throw failure("get credentials for " + serverUrl, r);
        }
        JsonNode json = Json.tree(r.output().getBytes(StandardCharsets.UTF_8), program() + " output");
        String user = json.path("Username").asText("");
        String secret = json.path("Secret").asText("");
        if (TOKEN_USER.equals(user)) {
            return Optional.of(new AuthConfig(null, null, secret));
        }
        return Optional.of(AuthConfig.basic(user, secret));
    }

    public void store(String serverUrl, AuthConfig auth) {
        ObjectNode json = Json.mapper().createObjectNode();
        json.put("ServerURL", serverUrl);
        json.put("Username", auth.identityToken() != null ? TOKEN_USER : auth.username());
        json.put("Secret", auth.identityToken() != null ? auth.identityToken() : auth.password());
        Result r = run("store", json.toString().getBytes(StandardCharsets.UTF_8));
        if (r.exitCode() != 0) {
            throw failure("store credentials for " + serverUrl, r);
        }
    }

    /** Erases the server's credentials; false when the helper had none. */
    public boolean erase(String serverUrl) {
        Result r = run("erase", serverUrl.getBytes(StandardCharsets.UTF_8));
        if (r.exitCode() != 0) {
            if (r.output().contains("credentials not found")) {
                return false;
            }
            throw failure("erase credentials for " + serverUrl, r);
        }
        return true;
    }

    private record Result(int exitCode, String output) {}

    private Result run(String verb, byte[] input) {
        Path executable = locate();
        try {
            Process process = new ProcessBuilder(executable.toString(), verb).redirectErrorStream(true).start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(input);
            } catch (IOException e) {
                // the helper may exit without reading its input (a failure it reports on its output)
            }
            String output;
            try (InputStream stdout = process.getInputStream()) {
                output = new String(stdout.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            return new Result(process.waitFor(), output);
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot run " + executable + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StrataException(StrataException.Kind.SYSTEM, "interrupted while running " + executable, e);
        }
    }

    private Path locate() {
        for (Path dir : searchPath) {
            Path candidate = dir.resolve(program());
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new StrataException(StrataException.Kind.SYSTEM, "cannot use credential helper " + name + ": "
                + program() + " is not on the PATH; install it, or remove \"" + name + "\" from config.json");
    }

    private StrataException failure(String action, Result r) {
        return new StrataException(StrataException.Kind.SYSTEM, "cannot " + action + " with " + program() + ": "
                + (r.output().isEmpty() ? "exit status " + r.exitCode() : r.output()));
    }
}
