package dev.strata.core.volume;

import dev.strata.core.StrataException;

/** A volume name that names no volume; the message keeps Docker's words "no such volume". */
public final class NoSuchVolumeException extends StrataException {
    private final String name;

    /** @param action what was being done, such as "inspect" or "remove" */
    public NoSuchVolumeException(String action, String name) {
        super(Kind.NOT_FOUND, "cannot " + action + " volume " + name + ": no such volume");
        this.name = name;
    }

    public String name() {
        return name;
    }
}
