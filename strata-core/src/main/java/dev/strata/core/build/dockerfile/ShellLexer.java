package dev.strata.core.build.dockerfile;

import dev.strata.core.GoQuote;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run of Docker's shell-like word processor over one string: quotes, escapes, {@code $VAR} and {@code ${VAR...}}
 * expansion, and splitting into words after expansion. Not thread-safe; make one per string.
 */
final class ShellLexer {
    private static final int EOF = -1;

    /** How quotes, escapes and unset variables are treated; the parser's heredoc detection keeps them raw. */
    record Options(char escape, boolean rawQuotes, boolean rawEscapes, boolean skipProcessQuotes, boolean skipUnsetEnv) {
        static Options expanding(char escape) {
            return new Options(escape, false, false, false, false);
        }
    }

    /** The processed string as one word, the same split into words, and the variable names looked up. */
    record Result(String word, List<String> words, Set<String> matched, Set<String> unmatched) {}

    private final Options options;
    private final String source;
    private final int[] text;
    private final Map<String, String> env;
    private final Set<String> matched = new LinkedHashSet<>();
    private final Set<String> unmatched = new LinkedHashSet<>();
    private int pos;
    private boolean rawEscapes;

    private ShellLexer(Options options, String source, Map<String, String> env) {
        this.options = options;
        this.source = source;
        this.text = source.codePoints().toArray();
        this.env = env;
        this.rawEscapes = options.rawEscapes();
    }

    /** Processes {@code source}; a malformed string fails with Docker's "failed to process" problem. */
    static Result process(Options options, String source, Map<String, String> env) {
        ShellLexer lexer = new ShellLexer(options, source, env);
        try {
            Part part = lexer.processStopOn(EOF, options.rawEscapes());
            return new Result(part.word, part.words, Set.copyOf(lexer.matched), Set.copyOf(lexer.unmatched));
        } catch (ShellSyntaxException e) {
            throw DockerfileException.problem("failed to process " + GoQuote.quote(source) + ": " + e.getMessage());
        }
    }

    private record Part(String word, List<String> words) {}

    private int peek() {
        return pos < text.length ? text[pos] : EOF;
    }

    private int next() {
        return pos < text.length ? text[pos++] : EOF;
    }

    private Part processStopOn(int stop, boolean raw) {
        boolean saved = rawEscapes;
        rawEscapes = raw;
        try {
            StringBuilder result = new StringBuilder();
            ShellWords words = new ShellWords();
            while (peek() != EOF) {
                int ch = peek();
                if (stop != EOF && ch == stop) {
                    next();
                    return new Part(result.toString(), words.finish());
                }
                if (ch == '$') {
                    String value = processDollar();
                    result.append(value);
                    words.addString(value);
                } else if (ch == '<') {
                    String value = processPossibleHeredoc();
                    result.append(value);
                    words.addRawString(value);
                } else if (!options.skipProcessQuotes() && (ch == '\'' || ch == '"')) {
                    String value = ch == '\'' ? processSingleQuote() : processDoubleQuote();
                    result.append(value);
                    words.addRawString(value);
                } else {
                    ch = next();
                    if (ch == options.escape()) {
                        if (rawEscapes) {
                            words.addRawChar(ch);
                            result.appendCodePoint(ch);
                        }
                        ch = next();
                        if (ch == EOF) {
                            break;
                        }
                        words.addRawChar(ch);
                    } else {
                        words.addChar(ch);
                    }
                    result.appendCodePoint(ch);
                }
            }
            if (stop != EOF) {
                throw new ShellSyntaxException("unexpected end of statement while looking for matching " + GoText.rune(stop));
            }
            return new Part(result.toString(), words.finish());
        } finally {
            rawEscapes = saved;
        }
    }

    private String processSingleQuote() {
        StringBuilder result = new StringBuilder();
        int ch = next();
        if (options.rawQuotes()) {
            result.appendCodePoint(ch);
        }
        while (true) {
            ch = next();
            if (ch == EOF) {
                throw new ShellSyntaxException("unexpected end of statement while looking for matching single-quote");
            }
            if (ch == '\'') {
                if (options.rawQuotes()) {
                    result.appendCodePoint(ch);
                }
                return result.toString();
            }
            result.appendCodePoint(ch);
        }
    }

    private String processDoubleQuote() {
        StringBuilder result = new StringBuilder();
        int ch = next();
        if (options.rawQuotes()) {
            result.appendCodePoint(ch);
        }
        while (true) {
            int p = peek();
            if (p == EOF) {
                throw new ShellSyntaxException("unexpected end of statement while looking for matching double-quote");
            } else if (p == '"') {
                ch = next();
                if (options.rawQuotes()) {
                    result.appendCodePoint(ch);
                }
                return result.toString();
            } else if (p == '$') {
                result.append(processDollar());
            } else {
                ch = next();
                if (ch == options.escape()) {
                    if (rawEscapes) {
                        result.appendCodePoint(ch);
                    }
                    int after = peek();
                    if (after == EOF) {
                        continue;
                    }
                    // only these can be escaped inside double quotes; before anything else the escape stays
                    if (after == '"' || after == '$' || after == options.escape()) {
                        ch = next();
                    }
                }
                result.appendCodePoint(ch);
            }
        }
    }

    private String processDollar() {
        next();
        if (peek() != '{') {
            String name = processName();
            if (name.isEmpty()) {
                return "$";
            }
            String value = lookup(name);
            if (value == null && options.skipUnsetEnv()) {
                return "$" + name;
            }
            return value == null ? "" : value;
        }
        next();
        int first = peek();
        if (first == EOF) {
            throw new ShellSyntaxException("syntax error: missing '}'");
        }
        if (first == '{' || first == '}' || first == ':') {
            throw new ShellSyntaxException("syntax error: bad substitution");
        }
        String name = processName();
        int ch = next();
        String modifier = GoText.rune(ch);
        return switch (ch) {
            case '}' -> {
                String value = lookup(name);
                if (value == null && options.skipUnsetEnv()) {
                    yield "${" + name + "}";
                }
                yield value == null ? "" : value;
            }
            case ':' -> {
                int op = next();
                yield applyModifier(name, op, modifier + GoText.rune(op), true);
            }
            case '+', '-', '?', '#', '%' -> applyModifier(name, ch, modifier, false);
            case '/' -> replace(name);
            default -> throw new ShellSyntaxException("unsupported modifier (" + modifier + ") in substitution");
        };
    }

    private String applyModifier(String name, int op, String modifier, boolean nullIsUnset) {
        boolean pattern = op == '#' || op == '%';
        if (nullIsUnset && pattern) {
            throw new ShellSyntaxException("unsupported modifier (" + modifier + ") in substitution");
        }
        String word = wordUntil('}', pattern, "syntax error: missing '}'");
        String value = lookup(name);
        boolean set = value != null;
        if (!set && options.skipUnsetEnv()) {
            return "${" + name + modifier + word + "}";
        }
        return Substitutions.apply(name, op, modifier, nullIsUnset, value, word);
    }

    private String replace(String name) {
        boolean all = peek() == '/';
        if (all) {
            next();
        }
        String pattern = wordUntil('/', true, "syntax error: missing '/' in ${}");
        String replacement = wordUntil('}', true, "syntax error: missing '}'");
        String value = lookup(name);
        if (value == null && options.skipUnsetEnv()) {
            return "${" + name + "/" + pattern + "/" + replacement + "}";
        }
        return Substitutions.replace(pattern, value == null ? "" : value, replacement, all);
    }

    /** The nested word of a {@code ${...}} form; running out of input there is reported as {@code atEnd}. */
    private String wordUntil(int stop, boolean raw, String atEnd) {
        try {
            return processStopOn(stop, raw).word;
        } catch (ShellSyntaxException e) {
            if (peek() == EOF) {
                throw new ShellSyntaxException(atEnd);
            }
            throw e;
        }
    }

    private String processName() {
        StringBuilder name = new StringBuilder();
        while (peek() != EOF) {
            int ch = peek();
            if (name.isEmpty() && Character.isDigit(ch)) {
                while (peek() != EOF && Character.isDigit(peek())) {
                    name.appendCodePoint(next());
                }
                return name.toString();
            }
            if (name.isEmpty() && isSpecialParameter(ch)) {
                return GoText.rune(next());
            }
            if (!Character.isLetter(ch) && !Character.isDigit(ch) && ch != '_') {
                break;
            }
            name.appendCodePoint(next());
        }
        return name.toString();
    }

    private static boolean isSpecialParameter(int ch) {
        return ch == '@' || ch == '*' || ch == '#' || ch == '?' || ch == '-' || ch == '$' || ch == '!' || ch == '0';
    }

    private String processPossibleHeredoc() {
        next();
        if (peek() != '<') {
            return "<";
        }
        next();
        StringBuilder result = new StringBuilder("<<");
        while (peek() == ' ' || peek() == '\t' || peek() == '\r') {
            result.appendCodePoint(next());
        }
        return result.toString();
    }

    private String lookup(String name) {
        String value = env.get(name);
        (value != null ? matched : unmatched).add(name);
        return value;
    }
}
