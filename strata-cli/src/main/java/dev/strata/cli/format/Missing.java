package dev.strata.cli.format;

/**
 * Go's invalid reflect.Value: what a missing map key evaluates to; it prints as {@code <no value>}.
 */
enum Missing {
    VALUE;

    @Override
    public String toString() {
        return "<no value>";
    }
}
