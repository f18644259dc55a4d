package dev.strata.core.runtime.spec;

import java.util.ArrayDeque;
import java.util.Deque;

/** Lexical clean-up of absolute paths inside a container, as Go's {@code path.Clean} does them. */
final class ContainerPaths {
    private ContainerPaths() {}

    /** {@code path} without empty, {@code .} and {@code ..} elements; {@code ..} stops at the root. */
    static String clean(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("not an absolute path: " + path);
        }
        Deque<String> names = new ArrayDeque<>();
        for (String name : path.split("/")) {
            switch (name) {
                case "", "." -> { }
                case ".." -> names.pollLast();
                default -> names.addLast(name);
            }
        }
        return "/" + String.join("/", names);
    }

    /** How many names the cleaned path has: {@code /} has 0, {@code /a/b} has 2. */
    static int depth(String cleanPath) {
        return cleanPath.equals("/") ? 0 : (int) cleanPath.chars().filter(c -> c == '/').count();
    }
}
