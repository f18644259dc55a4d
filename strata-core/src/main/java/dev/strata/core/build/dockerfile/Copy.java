package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * COPY: sources, heredoc sources ({@code COPY <<EOF /dst}), the destination and the flags {@code --from} (a stage
 * name, a stage index or an image; never expanded), {@code --chown}, {@code --chmod}, {@code --link},
 * {@code --parents} and {@code --exclude}.
 */
public record Copy(Origin origin, List<String> sources, List<Heredoc> heredocSources, String destination,
                   Optional<String> from, Optional<String> chown, Optional<String> chmod, boolean link,
                   boolean parents, List<String> excludes) implements Instruction {
    public Copy {
        Objects.requireNonNull(origin, "origin");
        sources = List.copyOf(sources);
        heredocSources = List.copyOf(heredocSources);
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(chown, "chown");
        Objects.requireNonNull(chmod, "chmod");
        excludes = List.copyOf(excludes);
    }

    /** Sources, destination, {@code --chown}, {@code --chmod} and unquoted heredocs expanded. */
    @Override
    public Copy expand(Expander expander, Map<String, String> env) {
        Expansion x = new Expansion(origin, expander, env);
        return new Copy(origin, x.each(sources), x.heredocs(heredocSources), x.word(destination), from,
                x.word(chown), x.word(chmod), link, parents, excludes);
    }
}
