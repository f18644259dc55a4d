package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * ADD: sources (context paths, URLs, git repositories), heredoc sources ({@code ADD <<EOF /dst}), the destination
 * and the flags {@code --chown}, {@code --chmod}, {@code --link}, {@code --keep-git-dir}, {@code --checksum},
 * {@code --unpack} and {@code --exclude} (an absent optional flag was not given).
 */
public record Add(Origin origin, List<String> sources, List<Heredoc> heredocSources, String destination,
                  Optional<String> chown, Optional<String> chmod, boolean link, Optional<Boolean> keepGitDir,
                  Optional<String> checksum, Optional<Boolean> unpack, List<String> excludes) implements Instruction {
    public Add {
        Objects.requireNonNull(origin, "origin");
        sources = List.copyOf(sources);
        heredocSources = List.copyOf(heredocSources);
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(chown, "chown");
        Objects.requireNonNull(chmod, "chmod");
        Objects.requireNonNull(keepGitDir, "keepGitDir");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(unpack, "unpack");
        excludes = List.copyOf(excludes);
    }

    /** Sources, destination, {@code --chown}, {@code --chmod}, {@code --checksum} and unquoted heredocs expanded. */
    @Override
    public Add expand(Expander expander, Map<String, String> env) {
        Expansion x = new Expansion(origin, expander, env);
        return new Add(origin, x.each(sources), x.heredocs(heredocSources), x.word(destination), x.word(chown),
                x.word(chmod), link, keepGitDir, x.word(checksum), unpack, excludes);
    }
}
