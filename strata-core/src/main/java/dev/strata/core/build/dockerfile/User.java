package dev.strata.core.build.dockerfile;

import java.util.Map;
import java.util.Objects;

/** USER: {@code user[:group]} by name or id, the rest of the line as written. */
public record User(Origin origin, String user) implements Instruction {
    public User {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(user, "user");
    }

    @Override
    public User expand(Expander expander, Map<String, String> env) {
        return new User(origin, new Expansion(origin, expander, env).word(user));
    }
}
