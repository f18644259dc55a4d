package dev.strata.cli.format;

import dev.strata.cli.format.Token.Kind;
import dev.strata.core.GoQuote;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a template into tokens the way Go's text/template/parse lexer does, including trim
 * markers, comments and its error messages. Lexing stops at the first error token.
 */
final class Lexer {

    private static final String LEFT = "{{";
    private static final String RIGHT = "}}";
    private static final int EOF = -1;
    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry("block", Kind.BLOCK), Map.entry("break", Kind.BREAK),
            Map.entry("continue", Kind.CONTINUE), Map.entry("define", Kind.DEFINE),
            Map.entry("else", Kind.ELSE), Map.entry("end", Kind.END), Map.entry("if", Kind.IF),
            Map.entry("range", Kind.RANGE), Map.entry("nil", Kind.NIL),
            Map.entry("template", Kind.TEMPLATE), Map.entry("with", Kind.WITH));

    private final String input;
    private final List<Token> tokens = new ArrayList<>();
    private int start;
    private int pos;
    private int width;
    private int parenDepth;
    private int countedTo;
    private int countedLine = 1;

    private Lexer(String input) {
        this.input = input;
    }

    /** Returns the tokens of {@code input}, ending with EOF or with the first ERROR. */
    static List<Token> lex(String input) {
        Lexer lexer = new Lexer(input);
        State state = lexer::lexText;
        while (state != null) {
            state = state.next();
        }
        return List.copyOf(lexer.tokens);
    }

    /** One state of the lexer's state machine; returns the next one, or null at the end. */
    @FunctionalInterface
    private interface State {
        State next();
    }

    private State lexText() {
        int x = input.indexOf(LEFT, pos);
        if (x < 0) {
            pos = input.length();
            if (pos > start) {
                emit(Kind.TEXT);
            }
            emit(Kind.EOF);
            return null;
        }
        if (x > pos) {
            pos = x;
            int trim = hasLeftTrimMarker(pos + LEFT.length()) ? trailingSpaces(start, pos) : 0;
            pos -= trim;
            if (pos > start) {
                emit(Kind.TEXT);
            }
            pos += trim;
            start = pos;
        }
        return this::lexLeftDelim;
    }

    private State lexLeftDelim() {
        pos += LEFT.length();
        int afterMarker = hasLeftTrimMarker(pos) ? 2 : 0;
        if (input.startsWith("/*", pos + afterMarker)) {
            pos += afterMarker;
            start = pos;
            return this::lexComment;
        }
        emit(Kind.LEFT_DELIM);
        pos += afterMarker;
        start = pos;
        parenDepth = 0;
        return this::lexInsideAction;
    }

    private State lexComment() {
        pos += 2;
        int x = input.indexOf("*/", pos);
        if (x < 0) {
            return error("unclosed comment");
        }
        pos = x + 2;
        int delim = rightDelimLength();
        if (delim == 0) {
            return error("comment ends before closing delimiter");
        }
        pos += delim;
        if (delim > RIGHT.length()) {
            pos += leadingSpaces(pos);
        }
        start = pos;
        return this::lexText;
    }

    private State lexRightDelim() {
        boolean trim = rightDelimLength() > RIGHT.length();
        if (trim) {
            pos += 2;
            start = pos;
        }
        pos += RIGHT.length();
        emit(Kind.RIGHT_DELIM);
        if (trim) {
            pos += leadingSpaces(pos);
            start = pos;
        }
        return this::lexText;
    }

    private State lexInsideAction() {
        if (rightDelimLength() > 0) {
            return parenDepth == 0 ? lexRightDelim() : error("unclosed left paren");
        }
        int r = next();
        if (r == EOF) {
            return error("unclosed action");
        }
        if (isSpace(r)) {
            backup();
            return lexSpace();
        }
        switch (r) {
            case '=' -> emit(Kind.ASSIGN);
            case ':' -> {
                if (next() != '=') {
                    return error("expected :=");
                }
                emit(Kind.DECLARE);
            }
            case '|' -> emit(Kind.PIPE);
            case '"' -> {
                return lexQuote('"', Kind.STRING, "unterminated quoted string");
            }
            case '\'' -> {
                return lexQuote('\'', Kind.CHAR_CONSTANT, "unterminated character constant");
            }
            case '`' -> {
                return lexRawQuote();
            }
            case '$' -> {
                return atTerminator() ? emitThen(Kind.VARIABLE) : lexFieldOrVariable(Kind.VARIABLE);
            }
            case '(' -> {
                parenDepth++;
                emit(Kind.LEFT_PAREN);
            }
            case ')' -> {
                parenDepth--;
                if (parenDepth < 0) {
                    return error("unexpected right paren");
                }
                emit(Kind.RIGHT_PAREN);
            }
            default -> {
                return lexOther(r);
            }
        }
        return this::lexInsideAction;
    }

    private State lexOther(int r) {
        if (r == '.') {
            // ".field" unless a digit follows, in which case it starts a number like ".5".
            if (pos < input.length() && (input.charAt(pos) < '0' || input.charAt(pos) > '9')) {
                return lexFieldOrVariable(Kind.FIELD);
            }
        }
        if (r == '.' || r == '+' || r == '-' || (r >= '0' && r <= '9')) {
            backup();
            return lexNumber();
        }
        if (isAlphaNumeric(r)) {
            backup();
            return lexIdentifier();
        }
        if (r <= 0x7e && r >= 0x20) {
            emit(Kind.CHAR);
            return this::lexInsideAction;
        }
        return error("unrecognized character in action: " + GoQuote.unicodeForm(r));
    }

    private State lexSpace() {
        int spaces = 0;
        while (isSpace(peek())) {
            next();
            spaces++;
        }
        // A space directly before "-}}" belongs to the trim marker, not to the action.
        if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
            backup1Char();
            if (spaces == 1) {
                return this::lexInsideAction;
            }
        }
        emit(Kind.SPACE);
        return this::lexInsideAction;
    }

    private State lexQuote(char quote, Kind kind, String unterminated) {
        while (true) {
            int r = next();
            if (r == '\\') {
                r = next();
                if (r != EOF && r != '\n') {
                    continue;
                }
            }
            if (r == EOF || r == '\n') {
                return error(unterminated);
            }
            if (r == quote) {
                break;
            }
        }
        return emitThen(kind);
    }

    private State lexRawQuote() {
        int end = input.indexOf('`', pos);
        if (end < 0) {
            return error("unterminated raw quoted string");
        }
        pos = end + 1;
        return emitThen(Kind.RAW_STRING);
    }

    private State lexFieldOrVariable(Kind kind) {
        if (atTerminator()) {
            return emitThen(kind == Kind.VARIABLE ? Kind.VARIABLE : Kind.DOT);
        }
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup();
        if (!atTerminator()) {
            return error("bad character " + GoQuote.unicodeForm(r));
        }
        return emitThen(kind);
    }

    private State lexIdentifier() {
        int r;
        do {
            r = next();
        } while (isAlphaNumeric(r));
        backup();
        if (!atTerminator()) {
            return error("bad character " + GoQuote.unicodeForm(r));
        }
        String word = input.substring(start, pos);
        Kind keyword = KEYWORDS.get(word);
        if (keyword != null) {
            return emitThen(keyword);
        }
        if (word.equals("true") || word.equals("false")) {
            return emitThen(Kind.BOOL);
        }
        return emitThen(Kind.IDENTIFIER);
    }

    private State lexNumber() {
        if (!scanNumber()) {
            return error("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
        }
        int sign = peek();
        if (sign == '+' || sign == '-') {
            if (!scanNumber() || input.charAt(pos - 1) != 'i') {
                return error("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
            }
            return emitThen(Kind.COMPLEX);
        }
        return emitThen(Kind.NUMBER);
    }

    private boolean scanNumber() {
        accept("+-");
        String digits = "0123456789_";
        if (accept("0")) {
            if (accept("xX")) {
                digits = "0123456789abcdefABCDEF_";
            } else if (accept("oO")) {
                digits = "01234567_";
            } else if (accept("bB")) {
                digits = "01_";
            }
        }
        acceptRun(digits);
        if (accept(".")) {
            acceptRun(digits);
        }
        if (digits.length() == 11 && accept("eE")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        if (digits.length() == 23 && accept("pP")) {
            accept("+-");
            acceptRun("0123456789_");
        }
        accept("i");
        if (isAlphaNumeric(peek())) {
            next();
            return false;
        }
        return true;
    }

    private boolean accept(String valid) {
        int r = next();
        if (r != EOF && valid.indexOf(r) >= 0) {
            return true;
        }
        backup();
        return false;
    }

    private void acceptRun(String valid) {
        while (accept(valid)) {
            // consume
        }
    }

    private boolean atTerminator() {
        int r = peek();
        if (r == EOF || isSpace(r)) {
            return true;
        }
        return switch (r) {
            case '.', ',', '|', ':', ')', '(' -> true;
            default -> input.startsWith(RIGHT, pos);
        };
    }

    /** Length of a right delimiter at pos: 4 for " -}}", 2 for "}}", 0 for none. */
    private int rightDelimLength() {
        if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
            return 4;
        }
        return input.startsWith(RIGHT, pos) ? 2 : 0;
    }

    private boolean hasLeftTrimMarker(int at) {
        return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
    }

    private boolean hasRightTrimMarker(int at) {
        return at >= 0 && at + 1 < input.length() && isSpace(input.charAt(at))
                && input.charAt(at + 1) == '-';
    }

    private int trailingSpaces(int from, int to) {
        int n = 0;
        while (to - n > from && isSpace(input.charAt(to - n - 1))) {
            n++;
        }
        return n;
    }

    private int leadingSpaces(int from) {
        int n = 0;
        while (from + n < input.length() && isSpace(input.charAt(from + n))) {
            n++;
        }
        return n;
    }

    private int next() {
        if (pos >= input.length()) {
            width = 0;
            return EOF;
        }
        int r = input.codePointAt(pos);
        width = Character.charCount(r);
        pos += width;
        return r;
    }

    private void backup() {
        pos -= width;
        width = 0;
    }

    private void backup1Char() {
        pos -= 1;
    }

    private int peek() {
        return pos >= input.length() ? EOF : input.codePointAt(pos);
    }

    private void emit(Kind kind) {
        tokens.add(new Token(kind, input.substring(start, pos), start, lineAt(start)));
        start = pos;
    }

    private State emitThen(Kind kind) {
        emit(kind);
        return this::lexInsideAction;
    }

    private State error(String message) {
        tokens.add(new Token(Kind.ERROR, message, start, lineAt(start)));
        return null;
    }

    /** The line of an offset; tokens are emitted in order, so counting resumes where it left. */
    private int lineAt(int offset) {
        for (; countedTo < offset; countedTo++) {
            if (input.charAt(countedTo) == '\n') {
                countedLine++;
            }
        }
        return countedLine;
    }

    static boolean isSpace(int r) {
        return r == ' ' || r == '\t' || r == '\r' || r == '\n';
    }

    static boolean isAlphaNumeric(int r) {
        return r == '_' || (r != EOF && (Character.isLetter(r) || Character.isDigit(r)));
    }
}
