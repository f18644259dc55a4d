package dev.strata.core.distribution;

import java.util.List;

/**
 * A token scope as Docker's token protocol writes it: {@code repository:library/busybox:pull,push}. The
 * {@code resource} is the repository's path on the registry (no host).
 */
public record Scope(String type, String resource, List<String> actions) {
    public Scope {
        actions = List.copyOf(actions);
        if (type.isEmpty() || resource.isEmpty() || actions.isEmpty()) {
            throw new IllegalArgumentException("incomplete scope " + type + ":" + resource + ":" + actions);
        }
    }

    public static Scope pull(String repository) {
        return new Scope("repository", repository, List.of("pull"));
    }

    public static Scope push(String repository) {
        return new Scope("repository", repository, List.of("pull", "push"));
    }

    /** The registry's catalog (for {@code _catalog}). */
    public static Scope catalog() {
        return new Scope("registry", "catalog", List.of("*"));
    }

    @Override
    public String toString() {
        return type + ":" + resource + ":" + String.join(",", actions);
    }
}
