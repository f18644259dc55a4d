package dev.strata.core.distribution;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.strata.core.StrataException;
import dev.strata.core.oci.Json;
import dev.strata.core.sys.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Docker's client configuration file ({@code $DOCKER_CONFIG/config.json}, default {@code ~/.docker/config.json})
 * as a credential store: {@code auths} entries with a base64 {@code auth} ("user:password") and an
 * {@code identitytoken}, or a credential helper named by {@code credHelpers} (per registry) or {@code credsStore}
 * (for all). Every key this class does not know is kept as it was: the file belongs to Docker too. Writes replace
 * the file atomically with mode 0600. Thread-safe per call; concurrent writers: the last one wins.
 */
public final class DockerConfigFile implements CredentialStore {
    private final Path file;
    private final List<Path> searchPath;

    /** @param searchPath the directories of {@code $PATH}, where credential helpers are looked for */
    public DockerConfigFile(Path file, List<Path> searchPath) {
        this.file = file;
        this.searchPath = List.copyOf(searchPath);
    }

    public Path file() {
        return file;
    }

    /** The helper that keeps this host's credentials, if one is configured. */
    public Optional<CredentialHelper> helperFor(String host) {
        ObjectNode root = read();
        String h = ServerKeys.host(host);
        JsonNode helpers = root.path("credHelpers");
        for (Iterator<Map.Entry<String, JsonNode>> it = helpers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (ServerKeys.host(e.getKey()).equals(h) && !e.getValue().asText("").isEmpty()) {
                return Optional.of(new CredentialHelper(e.getValue().asText(), searchPath));
            }
        }
        String store = root.path("credsStore").asText("");
        return store.isEmpty() ? Optional.empty() : Optional.of(new CredentialHelper(store, searchPath));
    }

    @Override
    public AuthConfig get(String host) {
        Optional<CredentialHelper> helper = helperFor(host);
        if (helper.isPresent()) {
            return helper.get().get(ServerKeys.key(host)).orElse(AuthConfig.NONE);
        }
        JsonNode entry = entry(read(), host);
        if (entry == null) {
            return AuthConfig.NONE;
        }
        String user = entry.path("username").asText("");
        String password = entry.path("password").asText("");
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(auth.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new StrataException(StrataException.Kind.CORRUPT, "cannot read the login for " + host + " in "
                        + file + ": its \"auth\" is not base64; run `strata login " + host + "` again");
            }
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                throw new StrataException(StrataException.Kind.CORRUPT, "cannot read the login for " + host + " in "
                        + file + ": its \"auth\" is not USER:PASSWORD; run `strata login " + host + "` again");
            }
            user = decoded.substring(0, colon);
            password = decoded.substring(colon + 1);
        }
        return new AuthConfig(user, password, entry.path("identitytoken").asText(""));
    }

    @Override
    public void store(String host, AuthConfig auth) {
        ObjectNode root = read();
        Optional<CredentialHelper> helper = helperFor(host);
        ObjectNode auths = root.has("auths") && root.get("auths").isObject() ? (ObjectNode) root.get("auths")
                : root.putObject("auths");
        removeEntries(auths, host);
        ObjectNode entry = auths.putObject(ServerKeys.key(host));
        if (helper.isPresent()) {
            helper.get().store(ServerKeys.key(host), auth); // Docker keeps an empty entry to list the server
        } else {
            if (auth.username() != null || auth.password() != null) {
                String pair = (auth.username() == null ? "" : auth.username()) + ":"
                        + (auth.password() == null ? "" : auth.password());
                entry.put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
            }
            if (auth.identityToken() != null) {
                entry.put("identitytoken", auth.identityToken());
            }
        }
        write(root);
    }

    @Override
    public boolean erase(String host) {
        ObjectNode root = read();
        boolean found = false;
        Optional<CredentialHelper> helper = helperFor(host);
        if (helper.isPresent()) {
            found = helper.get().erase(ServerKeys.key(host));
        }
        if (root.get("auths") instanceof ObjectNode auths && removeEntries(auths, host)) {
            write(root);
            found = true;
        }
        return found;
    }

    /** Whether logins to this host are stored in the file itself (Docker warns about that at login). */
    public boolean storesInFile(String host) {
        return helperFor(host).isEmpty();
    }

    private static JsonNode entry(ObjectNode root, String host) {
        JsonNode auths = root.path("auths");
        JsonNode exact = auths.get(ServerKeys.key(host));
        if (exact != null) {
            return exact;
        }
        String h = ServerKeys.host(host);
        for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (ServerKeys.host(e.getKey()).equals(h)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static boolean removeEntries(ObjectNode auths, String host) {
        String h = ServerKeys.host(host);
        boolean removed = false;
        for (Iterator<String> it = auths.fieldNames(); it.hasNext(); ) {
            if (ServerKeys.host(it.next()).equals(h)) {
                it.remove();
                removed = true;
            }
        }
        return removed;
    }

    private ObjectNode read() {
        try {
            byte[] raw = Files.readAllBytes(file);
            if (new String(raw, StandardCharsets.UTF_8).isBlank()) {
                return Json.mapper().createObjectNode();
            }
            if (Json.tree(raw, file.toString()) instanceof ObjectNode root) {
                return root;
            }
            throw new StrataException(StrataException.Kind.CORRUPT, "cannot read " + file + ": it is not a JSON object");
        } catch (NoSuchFileException e) {
            return Json.mapper().createObjectNode();
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Written as Docker writes it: indented with tabs. */
    private void write(ObjectNode root) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("\t", "\n"))
                .withArrayIndenter(new DefaultIndenter("\t", "\n"));
        try {
            byte[] bytes = Json.mapper().writer(printer).writeValueAsBytes(root);
            Files.createDirectories(file.toAbsolutePath().getParent(),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            AtomicFiles.write(file, bytes); // its temporary file is made 0600, and the rename keeps the mode
        } catch (IOException e) {
            throw new StrataException(StrataException.Kind.SYSTEM, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
