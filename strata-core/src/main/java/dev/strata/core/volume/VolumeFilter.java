package dev.strata.core.volume;

import dev.strata.core.StrataException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code --filter} values of {@code volume ls} (dangling, driver, label, name) and {@code volume prune}
 * (label, label!, all), with Docker's meaning: values of one key are alternatives, except labels, which must
 * all match; {@code name} is an unanchored regular expression. Immutable.
 */
final class VolumeFilter {
    static final Set<String> LIST_KEYS = Set.of("dangling", "driver", "label", "name");
    static final Set<String> PRUNE_KEYS = Set.of("label", "label!", "all");

    private final Map<String, Set<String>> values;

    private VolumeFilter(Map<String, Set<String>> values) {
        this.values = values;
    }

    /** Parses {@code key=value} strings, refusing keys outside {@code accepted} as Docker does. */
    static VolumeFilter parse(List<String> filters, Set<String> accepted) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (String filter : filters) {
            int eq = filter.indexOf('=');
            if (eq < 0) {
                throw invalid("bad format of filter (expected name=value)");
            }
            String key = filter.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = filter.substring(eq + 1).trim();
            if (!accepted.contains(key)) {
                throw invalid("invalid filter '" + key + "'");
            }
            values.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
        }
        VolumeFilter parsed = new VolumeFilter(values);
        parsed.bool("dangling"); // a bad value fails now, not only when there are volumes to test
        parsed.bool("all");
        return parsed;
    }

    /** The value of a boolean key, or null when the key is absent. */
    Boolean bool(String key) {
        Set<String> given = values.get(key);
        if (given == null) {
            return null;
        }
        boolean isTrue = false;
        boolean isFalse = false;
        for (String v : given) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "1", "true" -> isTrue = true;
                case "0", "false" -> isFalse = true;
                default -> throw invalid("invalid filter '" + key + "=" + v + "'");
            }
        }
        if (isTrue == isFalse) {
            throw invalid("invalid filter '" + key + "=" + String.join(",", given) + "'");
        }
        return isTrue;
    }

    /** Whether the volume passes the driver, name and label tests ({@code dangling} needs the users: see {@link #dangling}). */
    boolean matches(Volume volume) {
        Set<String> drivers = values.get("driver");
        if (drivers != null && !drivers.contains(volume.driver())) {
            return false;
        }
        Set<String> names = values.get("name");
        if (names != null && names.stream().noneMatch(n -> nameMatches(n, volume.name()))) {
            return false;
        }
        if (!allLabelsMatch(values.get("label"), volume.labels())) {
            return false;
        }
        Set<String> excluded = values.get("label!");
        return excluded == null || !allLabelsMatch(excluded, volume.labels());
    }

    /** The wanted value of {@code dangling=}, or null when not filtered on. */
    Boolean dangling() {
        return bool("dangling");
    }

    private static boolean nameMatches(String wanted, String name) {
        if (wanted.equals(name)) {
            return true;
        }
        try {
            return Pattern.compile(wanted).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false; // Docker treats a pattern that does not compile as matching nothing
        }
    }

    /** Docker's MatchKVList: every {@code key} or {@code key=value} must be among the labels. */
    private static boolean allLabelsMatch(Set<String> wanted, Map<String, String> labels) {
        if (wanted == null) {
            return true;
        }
        for (String w : wanted) {
            int eq = w.indexOf('=');
            String key = eq < 0 ? w : w.substring(0, eq);
            if (!labels.containsKey(key)) {
                return false;
            }
            if (eq >= 0 && !w.substring(eq + 1).equals(labels.get(key))) {
                return false;
            }
        }
        return true;
    }

    private static StrataException invalid(String message) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, message);
    }
}
