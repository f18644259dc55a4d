package dev.strata.cli.format;

/**
 * A typed nil of Go: a nil slice or a nil map, which print as {@code []} and {@code map[]} but
 * encode to JSON as {@code null}.
 *
 * <p>Java {@code null} in the data stands for a nil pointer: it prints as {@code <nil>}.
 */
public enum GoNil {
    /** A nil slice, such as an unset {@code Cmd} or {@code Entrypoint}. */
    SLICE,
    /** A nil map, such as unset {@code Labels} or {@code Volumes}. */
    MAP
}
