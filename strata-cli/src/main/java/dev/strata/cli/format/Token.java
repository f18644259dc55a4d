package dev.strata.cli.format;

import dev.strata.core.GoQuote;

/** A lexical item of Go's text/template language: its kind, source text, offset and line. */
record Token(Kind kind, String text, int pos, int line) {

    /** Token kinds; those from BLOCK on are keywords and print as {@code <word>} in errors. */
    enum Kind {
        ERROR, EOF, TEXT, LEFT_DELIM, RIGHT_DELIM, SPACE, FIELD, VARIABLE, IDENTIFIER, STRING,
        RAW_STRING, CHAR_CONSTANT, NUMBER, COMPLEX, BOOL, CHAR, DECLARE, ASSIGN, PIPE, LEFT_PAREN,
        RIGHT_PAREN,
        BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH;

        boolean isKeyword() {
            return ordinal() >= BLOCK.ordinal();
        }
    }

    /** How Go's parser names this token in an error message. */
    String describe() {
        if (kind == Kind.EOF) {
            return "EOF";
        }
        if (kind == Kind.ERROR) {
            return text;
        }
        if (kind.isKeyword()) {
            return "<" + text + ">";
        }
        if (text.codePointCount(0, text.length()) > 10) {
            // Go's %.10q: quote the first ten runes, then an ellipsis outside the quotes.
            return GoQuote.quote(text.substring(0, text.offsetByCodePoints(0, 10))) + "...";
        }
        return GoQuote.quote(text);
    }
}
