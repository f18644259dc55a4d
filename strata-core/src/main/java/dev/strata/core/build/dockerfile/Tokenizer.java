package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a logical line the way Docker's parser does: keyword from the rest, leading {@code --flags} from the
 * arguments, and quote-aware words for ENV, LABEL and ARG (quotes and escapes stay in the words; expansion removes
 * them later).
 */
final class Tokenizer {
    private Tokenizer() {}

    /** A line cut into its keyword, its flags (quotes removed) and the rest. */
    record Split(String keyword, List<String> flags, String rest) {}

    static Split splitCommand(String line, char escape) {
        List<String> parts = GoText.splitWhitespace(GoText.trimSpace(line), 2);
        if (parts.size() < 2) {
            return new Split(parts.get(0), List.of(), "");
        }
        List<String> flags = new ArrayList<>();
        String rest = extractFlags(parts.get(1), escape, flags);
        return new Split(parts.get(0), flags, GoText.trimSpace(rest));
    }

    /** Moves the leading words that start with {@code --} into {@code flags}; a lone {@code --} ends them. */
    private static String extractFlags(String line, char escape, List<String> flags) {
        final int spaces = 0;
        final int word = 1;
        final int quoted = 2;
        int phase = spaces;
        StringBuilder sb = new StringBuilder();
        char quote = 0;
        boolean blankOk = false;
        char ch = 0;
        for (int pos = 0; pos <= line.length(); pos++) {
            if (pos != line.length()) {
                ch = line.charAt(pos);
            }
            if (phase == spaces) {
                if (pos == line.length()) {
                    break;
                }
                if (GoText.isSpace(ch)) {
                    continue;
                }
                if (ch != '-' || pos + 1 == line.length() || line.charAt(pos + 1) != '-') {
                    return line.substring(pos);
                }
                phase = word;
            }
            if (pos == line.length()) {
                if (!sb.toString().equals("--") && (blankOk || !sb.isEmpty())) {
                    flags.add(sb.toString());
                }
                break;
            }
            if (phase == word) {
                if (GoText.isSpace(ch)) {
                    phase = spaces;
                    if (sb.toString().equals("--")) {
                        return line.substring(pos);
                    }
                    if (blankOk || !sb.isEmpty()) {
                        flags.add(sb.toString());
                    }
                    sb.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    phase = quoted;
                    continue;
                }
                if (ch == escape) {
                    if (pos + 1 == line.length()) {
                        continue;
                    }
                    ch = line.charAt(++pos);
                }
                sb.append(ch);
                continue;
            }
            if (ch == quote) {
                phase = word;
                continue;
            }
            if (ch == escape) {
                if (pos + 1 == line.length()) {
                    phase = word;
                    continue;
                }
                ch = line.charAt(++pos);
            }
            sb.append(ch);
        }
        return "";
    }

    /** Words separated by unquoted whitespace, with their quotes and escapes kept. */
    static List<String> words(String rest, char escape) {
        final int spaces = 0;
        final int word = 1;
        final int quoted = 2;
        List<String> words = new ArrayList<>();
        int phase = spaces;
        char quote = 0;
        boolean blankOk = false;
        StringBuilder sb = new StringBuilder();
        char ch = 0;
        for (int pos = 0; pos <= rest.length(); pos++) {
            if (pos != rest.length()) {
                ch = rest.charAt(pos);
            }
            if (phase == spaces) {
                if (pos == rest.length()) {
                    break;
                }
                if (GoText.isSpace(ch)) {
                    continue;
                }
                phase = word;
            }
            if (pos == rest.length()) {
                if (blankOk || !sb.isEmpty()) {
                    words.add(sb.toString());
                }
                break;
            }
            if (phase == word) {
                if (GoText.isSpace(ch)) {
                    phase = spaces;
                    if (blankOk || !sb.isEmpty()) {
                        words.add(sb.toString());
                    }
                    sb.setLength(0);
                    blankOk = false;
                    continue;
                }
                if (ch == '\'' || ch == '"') {
                    quote = ch;
                    blankOk = true;
                    phase = quoted;
                }
                if (ch == escape) {
                    if (pos + 1 == rest.length()) {
                        continue;
                    }
                    // an escaped character, quote or not, goes into the word with its escape
                    sb.append(ch);
                    ch = rest.charAt(++pos);
                }
                sb.append(ch);
                continue;
            }
            if (ch == quote) {
                phase = word;
            }
            if (ch == escape && quote != '\'') {
                if (pos + 1 == rest.length()) {
                    phase = word;
                    continue;
                }
                sb.append(ch);
                ch = rest.charAt(++pos);
            }
            sb.append(ch);
        }
        return words;
    }
}
