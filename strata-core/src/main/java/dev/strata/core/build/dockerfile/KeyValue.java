package dev.strata.core.build.dockerfile;

import java.util.Objects;

/**
 * One pair of ENV or LABEL, as written: quotes and escapes are still in {@code key} and {@code value} until the
 * instruction is expanded. {@code legacy} marks the old {@code ENV key value with spaces} form.
 */
public record KeyValue(String key, String value, boolean legacy) {
    public KeyValue {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }

    /** {@code key=value}, as the image config stores environment variables. */
    @Override
    public String toString() {
        return key + "=" + value;
    }
}
