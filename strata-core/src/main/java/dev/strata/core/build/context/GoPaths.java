package dev.strata.core.build.context;

import java.util.ArrayList;
import java.util.List;

/**
 * Slash-separated path arithmetic with Go's {@code path.Clean} rules, which Docker applies to .dockerignore patterns
 * and COPY sources: a user writes {@code ./a}, {@code a/}, {@code a//b/../c} and means one cleaned name. Stateless.
 */
public final class GoPaths {
    private GoPaths() {}

    /**
     * The shortest equivalent path: no empty or {@code .} components, {@code ..} resolved where it can be
     * ({@code ..} above a rooted path stays at {@code /}), no trailing slash; {@code "."} for an empty result.
     */
    public static String clean(String path) {
        if (path.isEmpty()) {
            return ".";
        }
        boolean rooted = path.charAt(0) == '/';
        List<String> parts = new ArrayList<>();
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String part = path.substring(start, end);
            if (part.equals("..")) {
                if (!parts.isEmpty() && !parts.getLast().equals("..")) {
                    parts.removeLast();
                } else if (!rooted) {
                    parts.add(part);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
            start = end + 1;
        }
        String joined = String.join("/", parts);
        if (rooted) {
            return "/" + joined;
        }
        return joined.isEmpty() ? "." : joined;
    }

    /** {@code path} taken as relative to a root: cleaned, never above it; {@code ""} for the root itself. */
    static String insideRoot(String path) {
        String clean = clean("/" + path);
        return clean.substring(1);
    }

    /** The last component of a clean path ({@code "/"} stays {@code "/"}). */
    static String base(String clean) {
        if (clean.equals("/")) {
            return clean;
        }
        return clean.substring(clean.lastIndexOf('/') + 1);
    }

    /** {@code parent/child} for a relative parent that may be {@code ""}. */
    static String join(String parent, String child) {
        return parent.isEmpty() ? child : parent + "/" + child;
    }
}
