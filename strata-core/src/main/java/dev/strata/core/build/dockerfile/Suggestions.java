package dev.strata.core.build.dockerfile;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Docker's "(did you mean X?)" hints: the closest option within an edit distance of 2. */
final class Suggestions {
    private Suggestions() {}

    /** The problem with a hint appended when one of the options is close to {@code value}. */
    static String withHint(String problem, String value, Collection<String> options, boolean caseSensitive) {
        return closest(value, options, caseSensitive).map(m -> problem + " (did you mean " + m + "?)").orElse(problem);
    }

    static Optional<String> closest(String value, Collection<String> options, boolean caseSensitive) {
        String val = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
        String match = null;
        int best = 3;
        for (String option : options) {
            String opt = caseSensitive ? option : option.toLowerCase(Locale.ROOT);
            if (val.equals(opt)) {
                return Optional.empty();
            }
            int distance = distance(val, opt);
            if (distance < best) {
                match = caseSensitive ? opt : matchCase(opt, value);
                best = distance;
            }
        }
        return Optional.ofNullable(match);
    }

    private static String matchCase(String option, String original) {
        if (original.equals(original.toLowerCase(Locale.ROOT))) {
            return option.toLowerCase(Locale.ROOT);
        }
        if (original.equals(original.toUpperCase(Locale.ROOT))) {
            return option.toUpperCase(Locale.ROOT);
        }
        return option;
    }

    /** Levenshtein distance with unit costs. */
    static int distance(String a, String b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        int[] previous = new int[y.length + 1];
        int[] current = new int[y.length + 1];
        for (int j = 0; j <= y.length; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            current[0] = i;
            for (int j = 1; j <= y.length; j++) {
                int substitute = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[y.length];
    }
}
