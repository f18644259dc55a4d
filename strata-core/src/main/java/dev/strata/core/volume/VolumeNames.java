package dev.strata.core.volume;

import dev.strata.core.StrataException;
import java.util.HexFormat;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/** The names a local volume may have (Docker's {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}) and the random ones anonymous volumes get. */
public final class VolumeNames {
    /** Docker's {@code RestrictedNameChars}, quoted in its error message. */
    static final String ALLOWED = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern VALID = Pattern.compile(ALLOWED + "+");

    private VolumeNames() {}

    public static boolean isValid(String name) {
        return VALID.matcher(name).matches();
    }

    /** Refuses a name the local driver refuses, with Docker's explanation. */
    public static void check(String name) {
        if (name.length() == 1) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot create volume " + name
                    + ": volume name is too short, names should be at least two alphanumeric characters");
        }
        if (!isValid(name)) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot create volume " + name + ": \""
                    + name + "\" includes invalid characters for a local volume name, only \"" + ALLOWED
                    + "\" are allowed. If you intended to pass a host directory, use absolute path");
        }
    }

    /** 64 random hex characters, as Docker names an anonymous volume. */
    static String random(RandomGenerator random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
