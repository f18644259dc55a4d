package dev.strata.registry.spec;

import java.util.regex.Pattern;

/** A repository name ({@code <name>} of the distribution spec), validated against the spec's grammar. */
public record RepositoryName(String value) implements Comparable<RepositoryName> {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
    private static final Pattern NAME = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    /** What clients can address: host, port, "/" and the name within 255 characters. */
    public static final int MAX_LENGTH = 255;

    public RepositoryName {
        if (!isValid(value)) {
            throw new RegistryException(ErrorCode.NAME_INVALID, "invalid repository name \"" + value
                    + "\": use lower-case letters, digits and separators (. _ __ -), components joined by /");
        }
    }

    public static boolean isValid(String value) {
        return value != null && value.length() <= MAX_LENGTH && NAME.matcher(value).matches();
    }

    @Override
    public int compareTo(RepositoryName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
