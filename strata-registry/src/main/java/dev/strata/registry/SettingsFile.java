package dev.strata.registry;

import dev.strata.core.GoDuration;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Reads a YAML config file shaped like CNCF Distribution's {@code config.yml}, for the keys that mean something
 * here: {@code http.addr}, {@code http.tls.certificate}/{@code key}, {@code storage.filesystem.rootdirectory},
 * {@code storage.maintenance.uploadpurging.age}, {@code auth} (handed as is to {@link AuthWiring}), plus ours:
 * {@code gc.interval} and {@code gc.grace} (Go-style durations: {@code 90s}, {@code 1h30m}). Other keys are ignored,
 * so a Distribution config can be reused.
 */
public final class SettingsFile {

    private SettingsFile() {}

    /** {@code base} with what the file at {@code path} sets. */
    public static RegistrySettings apply(RegistrySettings base, Path path) {
        Map<String, Object> root;
        try {
            root = read(Files.readString(path));
        } catch (IOException e) {
            throw RegistrySettings.invalid("cannot read " + path + ": " + e.getMessage());
        }
        return apply(base, root, path.toString());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(String yaml) throws IOException {
        Object value = new YAMLMapper().readValue(yaml, Object.class);
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static RegistrySettings apply(RegistrySettings base, Map<String, Object> root, String source) {
        RegistrySettings settings = base;
        Object addr = at(root, "http", "addr");
        if (addr != null) {
            settings = settings.withAddress(addr.toString());
        }
        Object certificate = at(root, "http", "tls", "certificate");
        Object key = at(root, "http", "tls", "key");
        if (certificate != null || key != null) {
            settings = settings.withTls(certificate == null ? null : Path.of(certificate.toString()),
                    key == null ? null : Path.of(key.toString()));
        }
        Object storage = at(root, "storage", "filesystem", "rootdirectory");
        if (storage != null) {
            settings = settings.withStorage(Path.of(storage.toString()));
        }
        Object uploadAge = at(root, "storage", "maintenance", "uploadpurging", "age");
        if (uploadAge != null) {
            settings = settings.withUploadTimeout(duration(uploadAge.toString(), source));
        }
        Object interval = at(root, "gc", "interval");
        Object grace = at(root, "gc", "grace");
        settings = settings.withGc(interval == null ? settings.gcInterval() : duration(interval.toString(), source),
                grace == null ? settings.gcGrace() : duration(grace.toString(), source));
        if (root.get("auth") instanceof Map<?, ?> auth) {
            @SuppressWarnings("unchecked")
            Map<String, Object> section = (Map<String, Object>) auth;
            settings = settings.withAuth(section);
        }
        return settings;
    }

    private static Object at(Map<String, Object> root, String... keys) {
        Object node = root;
        for (String key : keys) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(key);
        }
        return node;
    }

    /** A Go duration ({@code 1h30m}, {@code 500ms}, as {@link GoDuration} reads it) or a number of seconds. */
    public static Duration duration(String text, String source) {
        String t = text.strip();
        try {
            return t.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(t)) : GoDuration.parse(t);
        } catch (IllegalArgumentException e) {
            throw RegistrySettings.invalid("invalid duration \"" + text + "\" in " + source + ": use e.g. 90s, 30m, 1h30m");
        }
    }
}
