package dev.strata.core.build.dockerfile;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A here-document of RUN, COPY or ADD ({@code <<EOF} ... {@code EOF}): its terminator {@code name}, its
 * {@code content} as written (each line with its line ending, terminator excluded), whether variables in it are to
 * be expanded (no part of the name was quoted), whether leading tabs are stripped ({@code <<-EOF}) and the file
 * descriptor written before {@code <<} (0 when none).
 */
public record Heredoc(String name, String content, boolean expand, boolean chomp, int fileDescriptor) {
    private static final Pattern LEADING_TABS = Pattern.compile("(?m)^\t+");

    public Heredoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("a heredoc needs a name");
        }
    }

    /** The content as the command or file receives it: with leading tabs removed from each line for {@code <<-}. */
    public String text() {
        return chomp ? LEADING_TABS.matcher(content).replaceAll("") : content;
    }
}
