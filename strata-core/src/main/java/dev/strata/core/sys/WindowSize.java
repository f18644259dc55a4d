package dev.strata.core.sys;

/** The size of a terminal window in character cells, as {@code TIOCGWINSZ} reports it. */
public record WindowSize(int rows, int columns) {
    public WindowSize {
        if (rows < 0 || rows > 0xffff || columns < 0 || columns > 0xffff) {
            throw new IllegalArgumentException("a terminal cannot be " + rows + " rows by " + columns + " columns");
        }
    }
}
