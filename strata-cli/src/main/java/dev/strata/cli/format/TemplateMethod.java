package dev.strata.cli.format;

import java.util.List;

/**
 * A value in the template data that behaves like a Go method: {@code {{.Label "key"}}} calls it.
 *
 * <p>Put one in a data {@link java.util.Map} under the method's name. Arguments arrive evaluated,
 * with a missing value as {@code null}. Throw {@link IllegalArgumentException} to report a bad
 * call; the template then fails with "error calling NAME: message", as Go does.
 */
@FunctionalInterface
public interface TemplateMethod {

    /** Calls the method with the evaluated arguments and returns its result. */
    Object invoke(List<Object> args);
}
