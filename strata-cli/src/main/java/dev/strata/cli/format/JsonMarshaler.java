package dev.strata.cli.format;

/**
 * A data value that writes its own JSON for the template function {@code json}, like Go's
 * {@code json.Marshaler}.
 */
@FunctionalInterface
public interface JsonMarshaler {

    /** Returns this value as compact JSON text. */
    String toJson();
}
