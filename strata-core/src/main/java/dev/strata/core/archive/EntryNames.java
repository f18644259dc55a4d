package dev.strata.core.archive;

/**
 * Turns tar entry names into clean relative paths ({@code a/b}, {@code ""} for the root), refusing the
 * ones that leave the directory they are applied to. Only the text is looked at here; whether a path
 * goes through a symbolic link on disk is {@link TargetTree}'s business.
 */
final class EntryNames {
    private EntryNames() {}

    /**
     * The clean relative form of {@code name}: no {@code .} or empty components, {@code ..} resolved,
     * no leading or trailing slash.
     *
     * @throws UnsafeArchiveException if the name is absolute or climbs above its root
     */
    static String normalize(String name) {
        if (name.startsWith("/")) {
            throw new UnsafeArchiveException(name, "is an absolute path; layer entries must be relative");
        }
        if (name.indexOf('\0') >= 0) {
            throw new UnsafeArchiveException(name, "has a NUL character in its name");
        }
        if (isClean(name)) {
            return name;
        }
        StringBuilder clean = new StringBuilder(name.length());
        int start = 0;
        while (start <= name.length()) {
            int end = name.indexOf('/', start);
            if (end < 0) {
                end = name.length();
            }
            int length = end - start;
            if (length == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.') {
                int cut = clean.lastIndexOf("/");
                if (clean.isEmpty()) {
                    throw new UnsafeArchiveException(name, "points outside the target directory");
                }
                clean.setLength(Math.max(cut, 0));
            } else if (length > 0 && !(length == 1 && name.charAt(start) == '.')) {
                if (!clean.isEmpty()) {
                    clean.append('/');
                }
                clean.append(name, start, end);
            }
            start = end + 1;
        }
        return clean.toString();
    }

    // The common case, "usr/bin/env": nothing to remove, so no copy.
    private static boolean isClean(String name) {
        if (name.isEmpty() || name.endsWith("/")) {
            return false;
        }
        int start = 0;
        while (true) {
            int end = name.indexOf('/', start);
            int stop = end < 0 ? name.length() : end;
            int length = stop - start;
            if (length == 0 || (name.charAt(start) == '.' && (length == 1 || (length == 2 && name.charAt(start + 1) == '.')))) {
                return false;
            }
            if (end < 0) {
                return true;
            }
            start = end + 1;
        }
    }

    /** The directory part of a clean path; {@code ""} for a top-level name. */
    static String parent(String clean) {
        int slash = clean.lastIndexOf('/');
        return slash < 0 ? "" : clean.substring(0, slash);
    }

    /** The last component of a clean path. */
    static String baseName(String clean) {
        return clean.substring(clean.lastIndexOf('/') + 1);
    }

    static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "/" + child;
    }

    /** A name in double quotes with control characters escaped, so that a message stays on one line. */
    static String quote(String name) {
        StringBuilder quoted = new StringBuilder(name.length() + 2).append('"');
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7f) {
                quoted.append(String.format("\\x%02x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
