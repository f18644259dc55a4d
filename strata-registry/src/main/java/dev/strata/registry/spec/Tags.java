package dev.strata.registry.spec;

import java.util.regex.Pattern;

/** The tag grammar of the distribution spec. */
public final class Tags {
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");

    private Tags() {}

    public static boolean isValid(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }
}
