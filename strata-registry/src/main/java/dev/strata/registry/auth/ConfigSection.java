package dev.strata.registry.auth;

import dev.strata.core.GoDuration;
import dev.strata.core.StrataException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One mapping of the parsed YAML configuration with typed, path-named reads, so that every mistake is reported as
 * {@code auth.token.service must be a string}. Immutable.
 */
record ConfigSection(String path, Map<String, Object> values) {

    ConfigSection {
        values = values == null ? Map.of() : values;
    }

    /** Refuses keys outside {@code known}: a typo must not silently turn security off. */
    void onlyKeys(Set<String> known) {
        for (String key : values.keySet()) {
            if (!known.contains(key)) {
                throw invalid(path + "." + key + " is not a known setting (known: " + String.join(", ",
                        known.stream().sorted().toList()) + ")");
            }
        }
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    Optional<String> string(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return Optional.of(value.toString());
        }
        throw invalid(path + "." + key + " must be a string");
    }

    String requiredString(String key) {
        return string(key).filter(s -> !s.isBlank())
                .orElseThrow(() -> invalid(path + "." + key + " is required"));
    }

    Optional<Path> file(String key) {
        return string(key).map(Path::of);
    }

    Optional<Boolean> bool(String key) {
        Object value = values.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Boolean b) {
            return Optional.of(b);
        }
        if (value instanceof String s && (s.equals("true") || s.equals("false"))) {
            return Optional.of(Boolean.parseBoolean(s));
        }
        throw invalid(path + "." + key + " must be true or false");
    }

    /** Seconds as a number, or Go-style {@code 300s}, {@code 5m}, {@code 1h}. */
    Optional<Duration> duration(String key) {
        return string(key).map(text -> {
            try {
                String t = text.strip();
                return t.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(t)) : GoDuration.parse(t); // bare: seconds
            } catch (IllegalArgumentException e) {
                throw invalid(path + "." + key + " must be a duration such as 300, 300s, 5m or 1h30m (" + e.getMessage() + ")");
            }
        });
    }

    /** A nested mapping; a key present with no value ({@code htpasswd:}) is an empty one. */
    @SuppressWarnings("unchecked")
    Optional<ConfigSection> section(String key) {
        if (!values.containsKey(key)) {
            return Optional.empty();
        }
        Object value = values.get(key);
        if (value == null || value instanceof Map) {
            return Optional.of(new ConfigSection(path + "." + key, (Map<String, Object>) value));
        }
        throw invalid(path + "." + key + " must be a mapping");
    }

    List<?> list(String key) {
        Object value = values.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw invalid(path + "." + key + " must be a list");
    }

    static StrataException invalid(String reason) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                "cannot read the registry's auth configuration: " + reason);
    }
}
