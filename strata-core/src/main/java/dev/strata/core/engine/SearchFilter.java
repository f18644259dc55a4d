package dev.strata.core.engine;

import dev.strata.core.StrataException;
import dev.strata.core.distribution.SearchResult;
import java.util.List;

/**
 * The {@code --filter} of {@code search} as Docker reads it: a minimum star count (the largest given wins) and
 * whether a result must (not) be official or automated. Immutable.
 */
record SearchFilter(int minStars, Boolean official, Boolean automated) {
    static SearchFilter parse(List<String> filters) {
        int stars = 0;
        Boolean official = null;
        Boolean automated = null;
        for (String f : filters) {
            int eq = f.indexOf('=');
            if (eq < 0) {
                throw invalid("bad format of filter (expected name=value)");
            }
            String key = f.substring(0, eq).strip();
            String value = f.substring(eq + 1).strip();
            switch (key) {
                case "stars" -> {
                    try {
                        stars = Math.max(stars, Integer.parseInt(value));
                    } catch (NumberFormatException e) {
                        throw invalid("invalid filter 'stars=" + value + "'");
                    }
                }
                case "is-official" -> official = bool(key, value, official);
                case "is-automated" -> automated = bool(key, value, automated);
                default -> throw invalid("invalid filter '" + key + "'");
            }
        }
        return new SearchFilter(stars, official, automated);
    }

    private static Boolean bool(String key, String value, Boolean before) {
        Boolean b = switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw invalid("invalid filter '" + key + "=" + value + "'");
        };
        if (before != null && !before.equals(b)) { // Docker wants one unique value per boolean filter
            throw invalid("invalid filter '" + key + "=[" + before + " " + b + "]'");
        }
        return b;
    }

    boolean accepts(SearchResult r) {
        return r.starCount() >= minStars && (official == null || official == r.official())
                && (automated == null || automated == r.automated());
    }

    private static StrataException invalid(String message) {
        return new StrataException(StrataException.Kind.INVALID_ARGUMENT, message);
    }
}
