package dev.strata.core.runtime.rootfs;

import dev.strata.core.StrataException;
import java.util.ArrayList;
import java.util.List;

/**
 * A path inside a container as {@code docker cp} takes it, cleaned lexically: relative paths are taken from
 * {@code /}, {@code ..} stops at {@code /}, and what the user's spelling asserts is kept: a trailing
 * {@code /} says "a directory", a trailing {@code /.} says "the contents of this directory". Only the text is
 * looked at; symbolic links are the resolver's business.
 *
 * @param clean the absolute clean path, {@code /} for the root
 * @param trailingSlash the path ended with {@code /} (the directory itself, following a symbolic link to it)
 * @param currentDir the path ended with {@code /.}, or was empty: the contents of the directory
 */
public record ContainerPath(String clean, boolean trailingSlash, boolean currentDir) {
    public ContainerPath {
        if (clean == null || !clean.startsWith("/")) {
            throw new IllegalArgumentException("a container path must be absolute: " + clean);
        }
    }

    /**
     * Parses what the user typed after {@code CONTAINER:}.
     *
     * @throws StrataException of kind INVALID_ARGUMENT for a name with a NUL character
     */
    public static ContainerPath parse(String raw) {
        if (raw.indexOf('\0') >= 0) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "cannot use the container path " + raw.replace("\0", "\\0") + ": it has a NUL character");
        }
        List<String> parts = new ArrayList<>();
        for (String part : raw.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.removeLast();
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        String clean = "/" + String.join("/", parts);
        boolean currentDir = raw.isEmpty() || raw.equals(".") || raw.endsWith("/.");
        boolean trailingSlash = !currentDir && raw.endsWith("/") && !clean.equals("/");
        return new ContainerPath(clean, trailingSlash, currentDir);
    }

    public boolean isRoot() {
        return clean.equals("/");
    }

    /** True if the spelling insists on a directory ({@code dir/} or {@code dir/.}). */
    public boolean assertsDirectory() {
        return trailingSlash || currentDir;
    }

    /** The path without its leading {@code /}, as lookups from the root take it; {@code ""} for the root. */
    public String relative() {
        return clean.substring(1);
    }

    /** The directory holding this path; the root for the root. */
    public ContainerPath parent() {
        int slash = clean.lastIndexOf('/');
        return new ContainerPath(slash == 0 ? "/" : clean.substring(0, slash), false, false);
    }

    /** The last component; {@code ""} for the root. */
    public String base() {
        return clean.substring(clean.lastIndexOf('/') + 1);
    }

    /** {@code name} inside this directory. */
    public ContainerPath child(String name) {
        return new ContainerPath(isRoot() ? "/" + name : clean + "/" + name, false, false);
    }

    /** The name {@code docker cp} reports for this path: the last component, {@code .} or {@code /}. */
    public String displayName() {
        if (currentDir) {
            return ".";
        }
        return isRoot() ? "/" : base();
    }

    /** As the user would write it again, the assertion included. */
    @Override
    public String toString() {
        if (currentDir) {
            return isRoot() ? "/." : clean + "/.";
        }
        return trailingSlash ? clean + "/" : clean;
    }
}
