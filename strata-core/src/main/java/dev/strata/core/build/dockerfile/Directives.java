package dev.strata.core.build.dockerfile;

import java.util.Objects;
import java.util.Optional;

/**
 * The parser directives at the top of a Dockerfile: {@code # escape=`} sets the escape character (default
 * {@code \}), {@code # syntax=...} is recorded (Strata has one front end and does not fetch another);
 * {@code # check=...} is accepted and ignored.
 */
public record Directives(char escape, Optional<String> syntax) {
    public static final Directives DEFAULT = new Directives('\\', Optional.empty());

    public Directives {
        if (escape != '\\' && escape != '`') {
            throw new IllegalArgumentException("escape must be \\ or `, not " + escape);
        }
        Objects.requireNonNull(syntax, "syntax");
    }
}
