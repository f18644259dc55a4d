package dev.strata.core.build.dockerfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads Dockerfile text into raw instructions: byte-order mark, parser directives, comments, line continuations
 * with the escape character (comment and empty lines inside a continuation are skipped), heredoc bodies. Not
 * thread-safe; one per text.
 */
final class SourceReader {
    private static final Pattern HEREDOC = Pattern.compile("([0-9]*)<<(-?)[\\t\\n\\f\\r ]*([^<]*)");

    /** What the reader found: the directives, the instructions in order, and warnings Docker prints. */
    record Result(Directives directives, List<RawInstruction> instructions, List<String> warnings) {}

    private final String fileName;
    private final List<String> lines;
    private final DirectiveParser directives = new DirectiveParser();
    private int next;
    private int currentLine;

    SourceReader(String text, String fileName) {
        this.fileName = fileName;
        this.lines = splitLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
    }

    Result read() {
        List<RawInstruction> instructions = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        while (next < lines.size()) {
            String line = processLine(lines.get(next++), true);
            currentLine++;
            int startLine = currentLine;
            Continued first = trimContinuation(line);
            if (first.end && first.text.isEmpty()) {
                continue;
            }
            StringBuilder logical = new StringBuilder(first.text);
            boolean end = first.end;
            boolean emptyContinuation = false;
            while (!end && next < lines.size()) {
                String raw = lines.get(next++);
                String processed = processLine(raw, false);
                currentLine++;
                if (isComment(raw)) {
                    continue;
                }
                if (GoText.trimLeftSpace(GoText.trimNewline(processed)).isEmpty()) {
                    emptyContinuation = true;
                    continue;
                }
                Continued more = trimContinuation(processed);
                logical.append(more.text);
                end = more.end;
            }
            String text = logical.toString();
            if (emptyContinuation) {
                warnings.add("Empty continuation line found in: " + text);
            }
            RawInstruction node;
            try {
                node = LineParser.parse(text, directives.escape());
            } catch (DockerfileException e) {
                throw e.withLocation(fileName, startLine);
            }
            List<Heredoc> heredocs = node.canContainHeredoc() && text.contains("<<") ? readHeredocs(text, startLine) : List.of();
            instructions.add(node.with(heredocs, startLine, currentLine));
        }
        if (instructions.isEmpty()) {
            throw DockerfileException.at(fileName, currentLine, "file with no instructions");
        }
        return new Result(directives.directives(), instructions, warnings);
    }

    private String processLine(String raw, boolean stripLeadingWhitespace) {
        String token = GoText.trimNewline(raw);
        if (stripLeadingWhitespace) {
            token = GoText.trimLeftSpace(token);
        }
        directives.accept(token, fileName, currentLine + 1);
        return isComment(token) ? "" : token;
    }

    private static boolean isComment(String line) {
        return GoText.trimLeftSpace(line).startsWith("#");
    }

    private record Continued(String text, boolean end) {}

    /**
     * A line ending in the escape character (plus spaces or tabs) continues on the next one, unless that escape
     * character is itself escaped by the one before it.
     */
    private Continued trimContinuation(String line) {
        String e = "\\" + directives.escape();
        Matcher m = Pattern.compile("([^" + e + "])" + e + "[ \\t]*\\z|^" + e + "[ \\t]*\\z").matcher(line);
        if (!m.find()) {
            return new Continued(line, true);
        }
        String kept = m.group(1) == null ? "" : m.group(1);
        return new Continued(line.substring(0, m.start()) + kept, false);
    }

    private List<Heredoc> readHeredocs(String line, int startLine) {
        List<Heredoc> docs = new ArrayList<>();
        for (Heredoc header : headers(line, startLine)) {
            StringBuilder content = new StringBuilder();
            boolean terminated = false;
            while (next < lines.size()) {
                String raw = lines.get(next++);
                currentLine++;
                String candidate = GoText.trimNewline(raw);
                if (header.chomp()) {
                    candidate = candidate.replaceFirst("^\t+", "");
                }
                if (candidate.equals(header.name())) {
                    terminated = true;
                    break;
                }
                content.append(raw);
            }
            if (!terminated) {
                throw DockerfileException.at(fileName, startLine, "unterminated heredoc");
            }
            docs.add(new Heredoc(header.name(), content.toString(), header.expand(), header.chomp(), header.fileDescriptor()));
        }
        return docs;
    }

    /** The heredocs a line opens, in order, with empty content: every word of the form {@code [n]<<[-]NAME}. */
    private List<Heredoc> headers(String line, int startLine) {
        List<String> words;
        try {
            words = ShellLexer.process(new ShellLexer.Options('\\', true, true, false, true), line, Map.of()).words();
        } catch (DockerfileException e) {
            return List.of();
        }
        List<Heredoc> headers = new ArrayList<>();
        for (String word : words) {
            try {
                Heredoc header = parseHeredoc(word);
                if (header != null) {
                    headers.add(header);
                }
            } catch (DockerfileException e) {
                throw e.withLocation(fileName, startLine);
            }
        }
        return headers;
    }

    /** The heredoc a word opens, or null when it opens none. */
    static Heredoc parseHeredoc(String word) {
        Matcher m = HEREDOC.matcher(word);
        if (!m.matches() || m.group(3).isEmpty()) {
            return null;
        }
        String rest = m.group(3);
        List<String> words = ShellLexer.process(new ShellLexer.Options('\\', false, false, false, true), rest, Map.of()).words();
        if (words.size() != 1) {
            return null;
        }
        List<String> raw = ShellLexer.process(new ShellLexer.Options('\\', true, false, false, true), rest, Map.of()).words();
        if (raw.size() != words.size()) {
            throw DockerfileException.problem("internal lexing of heredoc produced inconsistent results: " + rest);
        }
        // a quote anywhere in the name (<<"EOF", <<'EOF', <<E"O"F) turns expansion of the body off
        boolean expand = quotes(words.get(0)) == quotes(raw.get(0));
        return new Heredoc(words.get(0), "", expand, m.group(2).equals("-"), fileDescriptor(m.group(1)));
    }

    private static long quotes(String s) {
        return s.chars().filter(c -> c == '\'' || c == '"').count();
    }

    private static int fileDescriptor(String digits) {
        try {
            return digits.isEmpty() ? 0 : Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Lines with their endings, split after each newline. */
    private static List<String> splitLines(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                out.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            out.add(text.substring(start));
        }
        return out;
    }
}
