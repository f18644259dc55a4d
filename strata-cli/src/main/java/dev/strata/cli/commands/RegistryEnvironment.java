package dev.strata.cli.commands;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.cli.Cli;
import dev.strata.core.StrataException;
import dev.strata.core.distribution.RegistryConfig;
import dev.strata.core.distribution.RemoteRepository;
import dev.strata.core.engine.RegistrySettings;
import dev.strata.core.oci.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the registry verbs' settings come from, read from the environment as Docker reads it:
 * {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker/config.json}) for logins, {@code $PATH} for credential
 * helpers, and for insecure registries and mirrors a {@code daemon.json}-style file ({@code $STRATA_DAEMON_CONFIG},
 * default {@code /etc/strata/daemon.json}: {@code "insecure-registries": ["host:port", "10.0.0.0/8"]},
 * {@code "registry-mirrors": {"docker.io": ["https://mirror"]}}) plus {@code $STRATA_INSECURE_REGISTRIES}
 * (comma separated). Loopback registries are insecure without being listed, as in Docker.
 * {@code $STRATA_PUSH_CHUNK_SIZE} (bytes) makes pushes upload bigger blobs in chunks of that size.
 */
final class RegistryEnvironment {
    private RegistryEnvironment() {}

    static RegistrySettings settings(Cli cli) {
        Map<String, String> env = cli.env();
        String dockerConfig = env.get("DOCKER_CONFIG");
        Path configDir = dockerConfig != null && !dockerConfig.isEmpty() ? Path.of(dockerConfig)
                : Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker");
        List<Path> path = new ArrayList<>();
        for (String dir : env.getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin").split(":")) {
            if (!dir.isEmpty()) {
                path.add(Path.of(dir));
            }
        }
        List<String> insecure = new ArrayList<>();
        Map<String, List<String>> mirrors = new LinkedHashMap<>();
        Path daemon = Path.of(env.getOrDefault("STRATA_DAEMON_CONFIG", "/etc/strata/daemon.json"));
        readDaemonConfig(daemon, insecure, mirrors);
        for (String host : env.getOrDefault("STRATA_INSECURE_REGISTRIES", "").split(",")) {
            if (!host.isBlank()) {
                insecure.add(host.strip());
            }
        }
        return new RegistrySettings(configDir.resolve("config.json"), path, new RegistryConfig(insecure, mirrors),
                uploads(env.get("STRATA_PUSH_CHUNK_SIZE")));
    }

    /** {@code STRATA_PUSH_CHUNK_SIZE=BYTES}: blobs larger than that are uploaded in chunks of that size. */
    private static RemoteRepository.UploadPolicy uploads(String chunk) {
        if (chunk == null || chunk.isBlank()) {
            return RemoteRepository.UploadPolicy.DEFAULT;
        }
        try {
            long size = Long.parseLong(chunk.strip());
            if (size > 0) {
                return new RemoteRepository.UploadPolicy(size, size);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot use STRATA_PUSH_CHUNK_SIZE=" + chunk
                + ": it must be a positive number of bytes");
    }

    private static void readDaemonConfig(Path file, List<String> insecure, Map<String, List<String>> mirrors) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode root = Json.tree(raw, file.toString());
        root.path("insecure-registries").forEach(h -> insecure.add(h.asText()));
        JsonNode m = root.path("registry-mirrors");
        if (m.isArray()) { // Docker's form: mirrors of Docker Hub
            List<String> hub = new ArrayList<>();
            m.forEach(u -> hub.add(u.asText()));
            mirrors.put("docker.io", hub);
        } else {
            m.fields().forEachRemaining(e -> {
                List<String> list = new ArrayList<>();
                e.getValue().forEach(u -> list.add(u.asText()));
                mirrors.put(e.getKey(), list);
            });
        }
    }
}
