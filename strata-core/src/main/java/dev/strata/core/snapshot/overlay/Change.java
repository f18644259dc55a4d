package dev.strata.core.snapshot.overlay;

import java.util.Objects;

/**
 * One line of {@code docker diff}: a path of the container's file system and how it differs from the image.
 *
 * @param path absolute, as the container sees it ({@code /etc/passwd})
 */
public record Change(Kind kind, String path) {
    /** How a path differs; the letters are {@code docker diff}'s, the codes the Engine API's. */
    public enum Kind {
        CHANGED('C', 0),
        ADDED('A', 1),
        DELETED('D', 2);

        private final char letter;
        private final int apiCode;

        Kind(char letter, int apiCode) {
            this.letter = letter;
            this.apiCode = apiCode;
        }

        /** {@code C}, {@code A} or {@code D}. */
        public char letter() {
            return letter;
        }

        /** The {@code Kind} number of the Engine API's {@code GET /containers/{id}/changes}. */
        public int apiCode() {
            return apiCode;
        }
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("a change's path must be absolute: " + path);
        }
    }

    /** The line {@code docker diff} prints: {@code C /etc}. */
    @Override
    public String toString() {
        return kind.letter() + " " + path;
    }
}
