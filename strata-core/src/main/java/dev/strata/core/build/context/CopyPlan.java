package dev.strata.core.build.context;

import java.util.List;
import java.util.Objects;

/**
 * What a COPY or ADD takes from the context and where it puts it: the builder writes {@link #entries} into a
 * layer (creating missing parents of {@link #destination} as root's 0755 directories) and keys its cache with
 * {@link #checksum}.
 *
 * @param checksum Docker's checksum of all the sources: one source's {@code file:HEX} or {@code dir:HEX}, or
 *     {@code multi:HEX} over several; touching a file leaves it alone, editing, chmod or renaming change it
 * @param destination the absolute, clean destination ({@code /} for the root)
 * @param writtenDestination the destination as the instruction wrote it, for the history line
 * @param sources in instruction order, globs expanded
 * @param entries parents before their children
 */
public record CopyPlan(
        String checksum, String destination, String writtenDestination, List<CopySource> sources,
        List<PlannedEntry> entries) {
    public CopyPlan {
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(writtenDestination, "writtenDestination");
        sources = List.copyOf(sources);
        entries = entries instanceof PlannedEntries ? entries : List.copyOf(entries); // already immutable, and lazy
    }

    /**
     * The history text Docker's classic builder records for this step, such as
     * {@code COPY file:0d1f…e9 in /app/ } (trailing space included).
     */
    public String historyText(String instruction) {
        return instruction + " " + checksum + " in " + writtenDestination + " ";
    }
}
