package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Resolves a path inside a directory as if that directory were {@code /}: symbolic links are followed, but an
 * absolute target starts again at the directory and {@code ..} stops there, so the result never lies outside it
 * (Docker's "follow symlinks in scope", applied to COPY sources and to a git context's subdirectory). Only
 * names are looked at; the caller opens what the result names without following links. Stateless.
 */
final class ScopedPaths {
    /** Linux's own limit on the links one lookup follows. */
    private static final int MAX_LINKS = 40;

    private ScopedPaths() {}

    /**
     * Where {@code path} leads inside {@code root}.
     *
     * @param path slash-separated, relative or absolute (both taken inside {@code root})
     * @return the clean relative path reached ({@code ""} for the root); {@code exists} tells whether it is there
     */
    static Resolved resolve(Path root, String path) throws IOException {
        Deque<String> remaining = new ArrayDeque<>(parts(path));
        String current = "";
        int links = 0;
        while (!remaining.isEmpty()) {
            String part = remaining.removeFirst();
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                int slash = current.lastIndexOf('/');
                current = slash < 0 ? "" : current.substring(0, slash);
                continue;
            }
            String candidate = GoPaths.join(current, part);
            BasicFileAttributes attributes;
            try {
                attributes = Files.readAttributes(root.resolve(candidate), BasicFileAttributes.class,
                        java.nio.file.LinkOption.NOFOLLOW_LINKS);
            } catch (java.nio.file.FileSystemException e) {
                if (!(e instanceof java.nio.file.NoSuchFileException) && !"Not a directory".equals(e.getReason())) {
                    throw e;
                }
                StringBuilder rest = new StringBuilder(candidate);
                remaining.forEach(p -> rest.append('/').append(p));
                return new Resolved(GoPaths.insideRoot(rest.toString()), false);
            }
            if (!attributes.isSymbolicLink()) {
                current = candidate;
                continue;
            }
            if (++links > MAX_LINKS) {
                throw new StrataException(StrataException.Kind.INVALID_ARGUMENT, "cannot resolve " + path
                        + " in the build context: too many levels of symbolic links");
            }
            String target = Files.readSymbolicLink(root.resolve(candidate)).toString();
            if (target.startsWith("/")) {
                current = "";
            }
            List<String> targetParts = parts(target);
            for (int i = targetParts.size() - 1; i >= 0; i--) {
                remaining.addFirst(targetParts.get(i));
            }
        }
        return new Resolved(current, true);
    }

    private static List<String> parts(String path) {
        return List.of(path.split("/"));
    }

    /** Where a lookup ended: a clean relative path, and whether something is there. */
    record Resolved(String path, boolean exists) {}
}
