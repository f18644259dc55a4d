package dev.strata.core.archive;

import dev.strata.core.StrataException;

/**
 * A layer holds an entry that would write outside the target directory, or through a symbolic link;
 * nothing of that entry was written. A layer like this is corrupt or hostile, hence {@link Kind#CORRUPT}.
 */
public final class UnsafeArchiveException extends StrataException {
    private final String entryName;

    /**
     * @param entryName the entry's name as the archive spells it
     * @param problem what is wrong, completing "entry NAME ...", such as "points outside the target directory"
     */
    public UnsafeArchiveException(String entryName, String problem) {
        super(Kind.CORRUPT, "cannot extract layer: entry " + EntryNames.quote(entryName) + " " + problem);
        this.entryName = entryName;
    }

    public String entryName() {
        return entryName;
    }
}
