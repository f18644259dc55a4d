package dev.strata.core.build;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.StrataException;
import dev.strata.core.oci.ContainerConfig;
import dev.strata.core.oci.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Applies Dockerfile instructions that only change an image's config, as {@code import -c} and
 * {@code commit -c} take them: CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR.
 */
public final class ConfigChanges {
    private static final List<String> ALLOWED =
            List.of("CMD", "ENTRYPOINT", "ENV", "EXPOSE", "LABEL", "ONBUILD", "STOPSIGNAL", "USER", "VOLUME", "WORKDIR");

    private ConfigChanges() {}

    public static ContainerConfig apply(ContainerConfig config, List<String> changes) {
        ContainerConfig.Builder b = config.toBuilder();
        for (String change : changes) {
            applyOne(b, change.strip());
        }
        return b.build();
    }

    private static void applyOne(ContainerConfig.Builder b, String change) {
        int space = firstSpace(change);
        String keyword = (space < 0 ? change : change.substring(0, space)).toUpperCase(Locale.ROOT);
        String rest = space < 0 ? "" : change.substring(space).strip();
        if (!ALLOWED.contains(keyword)) {
            throw invalid(change, keyword.toLowerCase(Locale.ROOT) + " is not a valid change command (use one of "
                    + String.join(", ", ALLOWED) + ")");
        }
        if (rest.isEmpty()) {
            throw invalid(change, keyword + " requires at least one argument");
        }
        switch (keyword) {
            case "CMD" -> b.cmd = command(rest);
            case "ENTRYPOINT" -> b.entrypoint = command(rest);
            case "ENV" -> b.env = env(b.env, pairs(change, rest, true));
            case "LABEL" -> b.labels = labels(b.labels, pairs(change, rest, false));
            case "EXPOSE" -> b.exposedPorts = ports(change, b.exposedPorts, Words.split(rest));
            case "VOLUME" -> b.volumes = volumes(b.volumes, jsonArray(rest) != null ? jsonArray(rest) : Words.split(rest));
            case "USER" -> b.user = rest;
            case "WORKDIR" -> b.workingDir = workdir(b.workingDir, rest);
            case "STOPSIGNAL" -> b.stopSignal = rest;
            case "ONBUILD" -> b.onBuild = append(b.onBuild, rest);
            default -> throw new IllegalStateException(keyword);
        }
    }

    private static int firstSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static StrataException invalid(String change, String why) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot apply change \"" + change + "\": " + why);
    }

    /** Exec form (a JSON array of strings) as is; shell form wrapped in {@code /bin/sh -c}. */
    static List<String> command(String rest) {
        List<String> exec = jsonArray(rest);
        return exec != null ? exec : List.of("/bin/sh", "-c", rest);
    }

    static List<String> jsonArray(String rest) {
        if (!rest.startsWith("[")) {
            return null;
        }
        try {
            JsonNode node = Json.mapper().readTree(rest);
            if (!node.isArray()) {
                return null;
            }
            List<String> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    return null;
                }
                items.add(item.asText());
            }
            return items;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** {@code k=v k2="v 2"}, or the legacy {@code ENV k value with spaces}. */
    private static Map<String, String> pairs(String change, String rest, boolean legacyAllowed) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> words = Words.split(rest);
        if (!words.get(0).contains("=")) {
            if (!legacyAllowed && words.size() < 2) {
                throw invalid(change, "expected KEY=VALUE");
            }
            int space = firstSpace(rest);
            if (space < 0) {
                throw invalid(change, "expected KEY=VALUE or KEY VALUE");
            }
            out.put(rest.substring(0, space), Words.unquote(rest.substring(space).strip()));
            return out;
        }
        for (String word : words) {
            int eq = word.indexOf('=');
            if (eq <= 0) {
                throw invalid(change, "\"" + word + "\" is not KEY=VALUE");
            }
            out.put(word.substring(0, eq), word.substring(eq + 1));
        }
        return out;
    }

    private static List<String> env(List<String> current, Map<String, String> pairs) {
        List<String> env = new ArrayList<>(current == null ? List.of() : current);
        pairs.forEach((k, v) -> {
            env.removeIf(e -> e.equals(k) || e.startsWith(k + "="));
            env.add(k + "=" + v);
        });
        return env;
    }

    private static Map<String, String> labels(Map<String, String> current, Map<String, String> pairs) {
        Map<String, String> labels = new TreeMap<>(current == null ? Map.of() : current);
        labels.putAll(pairs);
        return labels;
    }

    private static Map<String, Map<String, Object>> ports(String change, Map<String, Map<String, Object>> current, List<String> words) {
        Map<String, Map<String, Object>> ports = new TreeMap<>(current == null ? Map.of() : current);
        for (String word : words) {
            String port = word.contains("/") ? word.toLowerCase(Locale.ROOT) : word + "/tcp";
            if (!port.matches("[0-9]+(-[0-9]+)?/(tcp|udp|sctp)")) {
                throw invalid(change, "invalid port \"" + word + "\"");
            }
            ports.put(port, Map.of());
        }
        return ports;
    }

    private static Map<String, Map<String, Object>> volumes(Map<String, Map<String, Object>> current, List<String> paths) {
        Map<String, Map<String, Object>> volumes = new TreeMap<>(current == null ? Map.of() : current);
        for (String path : paths) {
            volumes.put(path, Map.of());
        }
        return volumes;
    }

    private static String workdir(String current, String dir) {
        if (dir.startsWith("/") || current == null || current.isEmpty()) {
            return dir.startsWith("/") ? dir : "/" + dir;
        }
        return current.endsWith("/") ? current + dir : current + "/" + dir;
    }

    private static List<String> append(List<String> current, String item) {
        List<String> list = new ArrayList<>(current == null ? List.of() : current);
        list.add(item);
        return list;
    }
}
