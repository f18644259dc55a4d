package dev.strata.core.runtime.rootfs;

import dev.strata.core.StrataException;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry names of an archive copied into a container, made relative to the destination directory as Docker
 * takes them: a leading {@code /} is dropped, {@code .} and {@code ..} are resolved, and a name that climbs
 * above the destination is refused. Only the text is looked at; links are the resolver's business.
 */
final class EntryNames {
    private EntryNames() {}

    /**
     * The clean relative form of an entry name below the destination ({@code ""} for the destination).
     *
     * @throws StrataException of kind INVALID_ARGUMENT for a name that climbs above the destination
     */
    static String inside(String name, String what) {
        if (name.indexOf('\0') >= 0) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "cannot copy to container: " + what + " " + name.replace("\0", "\\0") + " has a NUL character");
        }
        List<String> parts = new ArrayList<>();
        for (String part : name.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot copy to container: "
                            + what + " " + name + " points outside the destination directory");
                }
                parts.removeLast();
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
