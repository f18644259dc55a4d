/**
 * Everything the docker CLI does to render output, so that Strata prints what docker prints.
 *
 * <p>{@link dev.strata.cli.format.GoTemplate} interprets Go's text/template language with the
 * docker CLI's extra functions, for {@code --format}. The pipeline is Lexer → Parser (a tree of
 * {@code Node}s) → Executor (statements) and Evaluator (expressions), with Go's value semantics in
 * {@code GoValues}, fmt in {@code GoFmt}/{@code GoPrinter}, strconv float formatting in
 * {@code GoFloat} and encoding/json in {@code GoJson}. Error messages are Go's, prefixed with
 * Docker's "template parsing error: ".
 *
 * <p>{@link dev.strata.cli.format.Formatter} applies Docker's rules for table, json and plain
 * formats and aligns tables with {@link dev.strata.cli.format.TabWriter}.
 * {@link dev.strata.cli.format.Units}, {@link dev.strata.cli.format.GoTime} and
 * {@link dev.strata.cli.format.DisplayText} format sizes, durations, times and IDs the way
 * go-units, Go's time package and the docker CLI do.
 *
 * <p>Not supported, because a {@code --format} string is a single template over plain data:
 * {@code define}, {@code template} and {@code block}; custom delimiters; complex numbers; unsigned
 * integers above {@code int64}; {@code %#v} Go-syntax output for maps, slices and structs (it
 * prints like {@code %v}); {@code %x} and {@code %b} on floats; {@code %p}. Values have no Go
 * static type, so {@code index} on a map with a missing key returns "" only when every value in
 * the map is a string (like {@code Labels}), and {@code <no value>} otherwise.
 */
package dev.strata.cli.format;
