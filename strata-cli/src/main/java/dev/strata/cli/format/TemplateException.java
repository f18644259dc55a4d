package dev.strata.cli.format;

/**
 * A Go template that cannot be parsed or executed, reported with Docker's wording.
 *
 * <p>{@link #getMessage()} reads like the docker CLI, for example {@code template parsing error:
 * template: :1: unexpected "}" in operand}; {@link #goMessage()} is the part Go's text/template
 * produced. Docker prefixes execution errors with "template parsing error" too.
 */
public final class TemplateException extends RuntimeException {

    private static final String DOCKER_PREFIX = "template parsing error: ";

    private final String goMessage;

    TemplateException(String goMessage) {
        super(DOCKER_PREFIX + goMessage, null, false, false);
        this.goMessage = goMessage;
    }

    /** The message as Go's text/template words it, without Docker's prefix. */
    public String goMessage() {
        return goMessage;
    }
}
