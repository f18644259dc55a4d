package dev.strata.core.volume;

/** The rules for a mount's target in the container: absolute, clean, not the root. */
final class Targets {
    private Targets() {}

    /** Docker's path.Clean of an absolute target; the result has no {@code .}, {@code ..} or doubled slashes. */
    static String clean(String target) {
        java.nio.file.Path normal = java.nio.file.Path.of("/").resolve(target).normalize();
        return normal.toString();
    }

    /** The reason Docker gives for refusing this target, or null if it is fine. */
    static String problem(String target) {
        if (target == null || target.isEmpty()) {
            return "field Target must not be empty";
        }
        if (!target.startsWith("/")) {
            return "invalid mount path: '" + target + "' mount path must be absolute";
        }
        if (clean(target).equals("/")) {
            return "invalid specification: destination can't be '/'";
        }
        return null;
    }

    static void requireValid(String target) {
        String problem = problem(target);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (!clean(target).equals(target)) {
            throw new IllegalArgumentException("target must be clean: " + target);
        }
    }
}
