package dev.strata.cli.format;

import java.util.List;
import java.util.function.Supplier;

/**
 * A row field computed only if a template (or {@code json}) asks for it: a table with many rows should not pay for
 * columns it does not show.
 */
public record Lazy(Supplier<Object> supplier) implements TemplateMethod {
    @Override
    public Object invoke(List<Object> args) {
        return supplier.get();
    }
}
