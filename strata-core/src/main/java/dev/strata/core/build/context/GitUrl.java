package dev.strata.core.build.context;

import dev.strata.core.StrataException;
import java.util.Objects;

/**
 * A git build context as Docker spells it: a repository, then {@code #ref:subdir}, where ref is a branch, a tag
 * or a commit (the remote's default branch when left out) and subdir a directory inside the checkout.
 *
 * @param remote what {@code git fetch} is given: a URL ({@code https://…}, {@code git://…}, {@code ssh://…},
 *     {@code file://…}), an scp-like {@code git@host:path}, or a local path
 * @param ref null for the remote's default branch
 * @param subdir {@code ""} for the top of the checkout
 */
public record GitUrl(String remote, String ref, String subdir) {
    public GitUrl {
        Objects.requireNonNull(remote, "remote");
        subdir = subdir == null ? "" : subdir;
        if (ref != null && ref.isEmpty()) {
            ref = null;
        }
        if (ref != null && ref.startsWith("-")) {
            throw new StrataException(StrataException.Kind.INVALID_ARGUMENT,
                    "unable to prepare context: invalid refspec: " + ref);
        }
    }

    /** Splits {@code repository#ref:subdir}; Docker's {@code github.com/…} shorthand becomes an https URL. */
    public static GitUrl parse(String text) {
        String url = text.startsWith("github.com/") ? "https://" + text : text;
        int hash = url.indexOf('#');
        if (hash < 0) {
            return new GitUrl(url, null, "");
        }
        String fragment = url.substring(hash + 1);
        int colon = fragment.indexOf(':');
        String ref = colon < 0 ? fragment : fragment.substring(0, colon);
        String subdir = colon < 0 ? "" : fragment.substring(colon + 1);
        return new GitUrl(url.substring(0, hash), ref, subdir);
    }

    /** Whether Docker takes {@code text} for a git repository: git transports, or an http(s) URL of a .git path. */
    public static boolean looksLikeGit(String text) {
        if (text.startsWith("git://") || text.startsWith("git@") || text.startsWith("github.com/")
                || text.startsWith("ssh://") || text.startsWith("file://")) {
            return true;
        }
        if (!text.startsWith("http://") && !text.startsWith("https://")) {
            return false;
        }
        int hash = text.indexOf('#');
        String path = hash < 0 ? text : text.substring(0, hash);
        return path.endsWith(".git") && (hash < 0 || hash < text.length() - 1);
    }

    @Override
    public String toString() {
        if (ref == null && subdir.isEmpty()) {
            return remote;
        }
        return remote + "#" + (ref == null ? "" : ref) + (subdir.isEmpty() ? "" : ":" + subdir);
    }
}
