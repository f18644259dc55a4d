package dev.strata.core.distribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header (RFC 7235): a scheme ({@code basic},
 * {@code bearer}, lower-cased) and its parameters ({@code realm}, {@code service}, {@code scope} …, names
 * lower-cased, values unquoted).
 */
public record Challenge(String scheme, Map<String, String> parameters) {
    public Challenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        parameters = Map.copyOf(parameters);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public boolean isBearer() {
        return scheme.equals("bearer");
    }

    public boolean isBasic() {
        return scheme.equals("basic");
    }

    /** Every challenge of every header value, in order; malformed parts are skipped. */
    public static List<Challenge> parseAll(List<String> headerValues) {
        List<Challenge> all = new ArrayList<>();
        for (String value : headerValues) {
            all.addAll(parse(value));
        }
        return all;
    }

    /**
     * The challenges of one header value. A header may hold several challenges separated by commas, and commas
     * also separate a challenge's parameters: a token followed by a space (not by {@code =}) starts a new one.
     */
    public static List<Challenge> parse(String header) {
        List<Challenge> result = new ArrayList<>();
        Lexer lexer = new Lexer(header);
        String scheme = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        while (true) {
            lexer.skip(" \t,");
            if (lexer.atEnd()) {
                break;
            }
            String token = lexer.token();
            if (token.isEmpty()) {
                lexer.advance(); // a stray character: skip it rather than loop
                continue;
            }
            lexer.skip(" \t");
            if (lexer.peek() == '=' && scheme != null) {
                lexer.advance();
                lexer.skip(" \t");
                String value = lexer.peek() == '"' ? lexer.quoted() : lexer.token();
                parameters.put(token.toLowerCase(Locale.ROOT), value);
            } else {
                if (scheme != null) {
                    result.add(new Challenge(scheme, parameters));
                }
                scheme = token;
                parameters = new LinkedHashMap<>();
            }
        }
        if (scheme != null) {
            result.add(new Challenge(scheme, parameters));
        }
        return result;
    }

    private static final class Lexer {
        private final String text;
        private int position;

        Lexer(String text) {
            this.text = text == null ? "" : text;
        }

        boolean atEnd() {
            return position >= text.length();
        }

        char peek() {
            return atEnd() ? 0 : text.charAt(position);
        }

        void advance() {
            position++;
        }

        void skip(String characters) {
            while (!atEnd() && characters.indexOf(text.charAt(position)) >= 0) {
                position++;
            }
        }

        /** An RFC 7230 token (token68 characters included, for a Basic credential's padding). */
        String token() {
            int start = position;
            while (!atEnd() && " \t,=\"".indexOf(text.charAt(position)) < 0) {
                position++;
            }
            // token68 may end in '=' padding: take it when no value follows
            return text.substring(start, position);
        }

        String quoted() {
            StringBuilder value = new StringBuilder();
            position++; // opening quote
            while (!atEnd() && text.charAt(position) != '"') {
                char c = text.charAt(position++);
                if (c == '\\' && !atEnd()) {
                    c = text.charAt(position++);
                }
                value.append(c);
            }
            position++; // closing quote
            return value.toString();
        }
    }
}
