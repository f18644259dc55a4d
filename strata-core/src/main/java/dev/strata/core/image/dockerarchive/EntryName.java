package dev.strata.core.image.dockerarchive;

import java.util.ArrayDeque;
import java.util.Deque;

/** The names inside an archive, made canonical ({@code ./a//b/} is {@code a/b}) and kept inside the archive. */
final class EntryName {
    private EntryName() {}

    /** The canonical form of an entry's name; refuses absolute names and names with {@code ..}. */
    static String of(String raw) {
        if (raw.startsWith("/")) {
            throw LoadFailure.corrupt("entry name \"" + raw + "\" is absolute");
        }
        StringBuilder name = new StringBuilder();
        for (String part : raw.split("/")) {
            if (part.equals("..")) {
                throw LoadFailure.corrupt("entry name \"" + raw + "\" contains \"..\"");
            }
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('/');
            }
            name.append(part);
        }
        return name.toString();
    }

    /** The entry a symbolic link at {@code link} points to; refuses targets outside the archive. */
    static String symlinkTarget(String link, String target) {
        if (target.startsWith("/")) {
            throw outside(link, target);
        }
        Deque<String> parts = new ArrayDeque<>();
        int slash = link.lastIndexOf('/');
        if (slash > 0) {
            for (String part : link.substring(0, slash).split("/")) {
                parts.addLast(part);
            }
        }
        return resolve(parts, link, target);
    }

    /** The entry a hard link points to (hard link targets are named from the archive root). */
    static String hardlinkTarget(String link, String target) {
        if (target.startsWith("/")) {
            throw outside(link, target);
        }
        return resolve(new ArrayDeque<>(), link, target);
    }

    private static String resolve(Deque<String> parts, String link, String target) {
        for (String part : target.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    throw outside(link, target);
                }
                parts.removeLast();
            } else {
                parts.addLast(part);
            }
        }
        if (parts.isEmpty()) {
            throw outside(link, target);
        }
        return String.join("/", parts);
    }

    private static RuntimeException outside(String link, String target) {
        return LoadFailure.corrupt("link \"" + link + "\" points outside the archive (to \"" + target + "\")");
    }
}
