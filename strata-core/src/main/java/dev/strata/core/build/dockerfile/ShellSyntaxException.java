package dev.strata.core.build.dockerfile;

/** A syntax error inside one string being expanded; the lexer wraps it with the whole string. */
final class ShellSyntaxException extends RuntimeException {
    ShellSyntaxException(String message) {
        super(message, null, false, false);
    }
}
