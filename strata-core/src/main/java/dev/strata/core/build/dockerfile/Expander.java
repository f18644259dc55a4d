package dev.strata.core.build.dockerfile;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Docker's variable substitution for Dockerfile words: {@code $VAR}, {@code ${VAR}}, {@code ${VAR:-word}},
 * {@code ${VAR-word}}, {@code ${VAR:+word}}, {@code ${VAR+word}}, {@code ${VAR:?message}}, {@code ${VAR?message}},
 * {@code ${VAR#glob}}, {@code ${VAR##glob}}, {@code ${VAR%glob}}, {@code ${VAR%%glob}}, {@code ${VAR/glob/new}} and
 * {@code ${VAR//glob/new}}; single quotes suppress expansion, double quotes do not; the Dockerfile's escape character
 * makes the next character literal. Quotes and escapes are removed from the result. An unset variable expands to
 * nothing. Errors are {@link DockerfileException}s without a line ({@code failed to process "${A:?}": A: is not
 * allowed to be unset}); the instructions' {@code expand} methods add the line. Immutable and thread-safe.
 *
 * <p>Docker expands the words of ADD, COPY, ENV, EXPOSE, FROM, LABEL, STOPSIGNAL, USER, VOLUME, WORKDIR and ARG
 * defaults; never RUN, CMD, ENTRYPOINT, SHELL, HEALTHCHECK or MAINTAINER, whose variables are the shell's business.
 */
public final class Expander {
    private final char escape;

    /** An expander for a Dockerfile whose escape character is {@code escape} ({@code \} or {@code `}). */
    public Expander(char escape) {
        if (escape != '\\' && escape != '`') {
            throw new IllegalArgumentException("escape must be \\ or `, not " + escape);
        }
        this.escape = escape;
    }

    /** An expander with Docker's default escape character, the backslash. */
    public static Expander standard() {
        return new Expander('\\');
    }

    /** An expander for the escape character a parsed Dockerfile declared. */
    public static Expander of(Dockerfile dockerfile) {
        return new Expander(dockerfile.directives().escape());
    }

    public char escape() {
        return escape;
    }

    /** One word, expanded: spaces in it and in the values it takes stay as they are. */
    public String expand(String word, Map<String, String> env) {
        return ShellLexer.process(ShellLexer.Options.expanding(escape), word, env).word();
    }

    /**
     * Text expanded and then split into words at unquoted whitespace, whitespace in variable values included
     * ({@code EXPOSE $PORTS} with {@code PORTS="80 443"} gives two ports).
     */
    public List<String> expandWords(String text, Map<String, String> env) {
        return ShellLexer.process(ShellLexer.Options.expanding(escape), text, env).words();
    }

    /**
     * The body of an unquoted heredoc source of COPY or ADD ({@code COPY <<EOF /dst}), expanded as Docker does:
     * quotes are kept as text, {@code \} escapes whatever escape character the Dockerfile declared.
     */
    public String expandHeredoc(String content, Map<String, String> env) {
        return ShellLexer.process(new ShellLexer.Options('\\', false, false, true, false), content, env).word();
    }

    /** The names of the variables a word refers to that {@code env} has; to tell which build arguments were used. */
    public Set<String> references(String word, Map<String, String> env) {
        return ShellLexer.process(ShellLexer.Options.expanding(escape), word, env).matched();
    }
}
